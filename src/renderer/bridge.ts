import type { PlumblineApi } from '../shared/api';

declare global {
  interface Window {
    plumbline?: PlumblineApi;
  }
}

/** The one way the renderer reaches the core. */
export function api(): PlumblineApi {
  if (!window.plumbline) throw new Error('Plumbline core is not connected (window.plumbline is missing).');
  return window.plumbline;
}

export const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
