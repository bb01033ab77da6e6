import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../native/face/decode.ts';
import { FaceEngine } from '../../native/face/face-engine.ts';
import { demoPhoto, portrait } from '../../scripts/face/demo-faces.ts';
import { station } from '../helpers/station-cli.ts';
import { tempDir } from '../helpers/tmp.ts';

describe('station photo make', () => {
  it('makes a red 一寸 as JPEG and as a 6-inch sheet, reports spec, size, head box, checks and layout', async () => {
    const dir = tempDir();
    // A frontal face of the demo photos, cut out as a camera would frame it.
    const frame = join(dir, 'portrait.jpg');
    const engine = await FaceEngine.load();
    const boxes = await engine.detect(await decodeImage(demoPhoto('sample3.jpg')));
    await engine.close();
    writeFileSync(frame, await portrait(demoPhoto('sample3.jpg'), boxes[1]!, 0.6));

    const jpeg = join(dir, 'photo.jpg');
    const made = station(['photo', 'make', frame, '--spec', '1inch', '--background', 'red', '-o', jpeg, '--json']);
    expect(made.status, made.stderr).toBe(0);
    const report = JSON.parse(made.stdout);
    expect(report).toMatchObject({ output: jpeg, spec: { id: '1inch', widthMm: 25, heightMm: 35, dpi: 300 }, background: 'red', widthPx: 295, heightPx: 413 });
    expect(report.checks.headHeight.ok && report.checks.eyeLine.ok).toBe(true);
    expect(report.head.top).toBeLessThan(report.eyeRow);
    expect(report.head.bottom).toBeGreaterThan(report.eyeRow);
    expect(report.sheet).toBeUndefined();
    const meta = await sharp(readFileSync(jpeg)).metadata();
    expect([meta.format, meta.width, meta.height, meta.density]).toEqual(['jpeg', 295, 413, 300]);

    const pdf = join(dir, 'sheet.pdf');
    const sheet = station(['photo', 'make', frame, '--spec', '1inch', '--background', 'red', '--sheet', '-o', pdf, '--json']);
    expect(sheet.status, sheet.stderr).toBe(0);
    expect(JSON.parse(sheet.stdout).sheet).toMatchObject({ count: 10, columns: 5, rows: 2, photoMm: [25, 35] });
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+432 x 288 pts/);

    const text = station(['photo', 'make', frame, '--spec', '2inch', '--background', 'blue', '-o', jpeg], { STATION_LANG: 'zh-CN' });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^已做好 二寸（35×49 毫米，蓝底）/);
    expect(text.stdout).toMatch(/头高占比 0\.\d{3}（要求 [\d.]+–[\d.]+）✓/);
  });

  it('refuses bad input with its reason and exit 2, writing nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.jpg');
    const group = join(dir, 'group.jpg');
    writeFileSync(group, demoPhoto('sample6.jpg'));
    const crowd = station(['photo', 'make', group, '--spec', '1inch', '--background', 'red', '-o', out], { STATION_LANG: 'zh-CN' });
    expect(crowd.status).toBe(2);
    expect(crowd.stderr).toMatch(/PhotoRefusedError \(photo\.several-faces\): 一次只能拍一个人/);
    const spec = station(['photo', 'make', group, '--spec', '3inch', '--background', 'red', '-o', out]);
    expect(spec.status).toBe(2);
    expect(spec.stderr).toMatch(/UnknownPhotoSpecError \(photo\.unknown-spec\)/);
    const white = station(['photo', 'make', group, '--spec', 'id-card', '--background', 'red', '-o', out]);
    expect(white.stderr).toMatch(/photo\.background-not-allowed/);
    expect(station(['photo', 'make', group, '--spec', '1inch']).status).toBe(2);
    expect(station(['photo', 'make', join(dir, 'missing.jpg'), '--spec', '1inch', '--background', 'red', '-o', out]).stderr).toMatch(/cli\.file-unreadable/);
    expect(() => readFileSync(out)).toThrow();
  });
});
