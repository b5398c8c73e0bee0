import { ensureTestCodeSet } from './codeset';

/** Builds the shared code-set database once before any test file runs. */
export default function setup(): void {
  ensureTestCodeSet();
}
