/** The document camera's page processing: what the station core uses. */
export type { ProcessPageOptions, ProcessedPage } from './page-process.ts';
export { DEFAULT_MAX_LONG_SIDE, DEFAULT_QUALITY, processPage } from './page-process.ts';
export type { Point, Quad } from './geometry.ts';
export * from './errors.ts';
export { MAX_STILL_PIXELS, MIN_STILL_SIDE } from './still.ts';
