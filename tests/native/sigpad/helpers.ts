import { join } from 'node:path';
import type { Layout } from '../../../native/sigpad/layout.ts';
import { loadLayouts } from '../../../native/sigpad/layouts.ts';
import type { Recording } from '../../../native/sigpad/recording.ts';
import { DEFAULT_RECORDING_DIR, loadRecording } from '../../../native/sigpad/recording.ts';

export const RECORDINGS = {
  stu430: 'stu-430-wang-xiaoming.json',
  stu540: 'stu-540-li-hua.json',
  digitizer: 'hid-digitizer-zhang-san.json',
} as const;

export const layouts: Layout[] = await loadLayouts();

export function layout(id: string): Layout {
  const found = layouts.find((l) => l.id === id);
  if (found === undefined) throw new Error(`no layout ${id}`);
  return found;
}

export function recording(file: string): Promise<Recording> {
  return loadRecording(join(DEFAULT_RECORDING_DIR, file));
}

/** Bytes from hex, spaces and line breaks allowed. */
export const bytes = (hex: string) =>
  Uint8Array.from(hex.replace(/\s+/g, '').match(/../g) ?? [], (b) => Number.parseInt(b, 16));
