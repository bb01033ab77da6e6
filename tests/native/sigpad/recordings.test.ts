import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORDING_DIR, signatureFromRecording } from '../../../native/sigpad/recording.ts';
import { SignatureSchema } from '../../../contract/domain/signature.ts';
import { layouts, recording } from './helpers.ts';
import { makeAll, SPECS } from './recording-maker.ts';

describe('recordings', () => {
  it('are exactly what the recording maker writes (rerun it after changing a layout or a pen path)', async () => {
    const made = await makeAll();
    expect((await readdir(DEFAULT_RECORDING_DIR)).sort()).toEqual([...made.keys()].sort());
    for (const [file, text] of made) expect(await readFile(join(DEFAULT_RECORDING_DIR, file), 'utf8'), file).toBe(text);
  });

  it.each(SPECS.map((s) => s.file))('%s holds a valid signature of a whole name', async (file) => {
    const signature = signatureFromRecording(await recording(file), layouts);
    expect(SignatureSchema.safeParse(signature).success).toBe(true);
    expect(signature.strokes.length).toBeGreaterThanOrEqual(8);
    // A few seconds of writing at 200 Hz.
    const last = signature.strokes.at(-1)?.points.at(-1)?.t ?? 0;
    expect(last).toBeGreaterThan(2000);
    expect(last).toBeLessThan(10_000);
  });
});
