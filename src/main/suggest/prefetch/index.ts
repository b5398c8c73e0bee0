// Background model suggestions for the next charts in the coder's queue.
export { createPrefetcher, type PrefetchDeps, type Prefetcher, type PrefetchStatus } from './prefetcher';
