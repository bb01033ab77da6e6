import type { BlobStore } from '../attachments/blob-store.ts';
import type { Store } from '../store/store.ts';

/** What every route needs; the clock is injectable so tests can move it. */
export interface Deps {
  store: Store;
  blobs: BlobStore;
  now: () => Date;
}
