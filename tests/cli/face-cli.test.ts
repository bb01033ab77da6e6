import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../native/face/decode.ts';
import { FaceEngine } from '../../native/face/face-engine.ts';
import { demoPhoto, portrait } from '../../scripts/face/demo-faces.ts';
import { station } from '../helpers/station-cli.ts';
import { tempDir } from '../helpers/tmp.ts';

describe('station face compare', () => {
  it('says same person or not as JSON, exit 0; a picture with no usable face exits 2 with its reason', async () => {
    const dir = tempDir();
    const engine = await FaceEngine.load();
    const group = demoPhoto('sample6.jpg');
    const boxes = await engine.detect(await decodeImage(group));
    await engine.close();
    const file = (name: string, bytes: Uint8Array) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    };
    const first = await portrait(group, boxes[0]!, 0.6);
    const a = file('a.jpg', first);
    const aSmall = file('a-id.jpg', await sharp(first).resize(102, 126, { fit: 'cover' }).jpeg({ quality: 80 }).toBuffer());
    const b = file('b.jpg', await portrait(group, boxes[1]!, 0.6));

    const same = station(['face', 'compare', a, aSmall, '--json']);
    expect(same.status, same.stderr).toBe(0);
    const result = JSON.parse(same.stdout);
    expect(Object.keys(result).sort()).toEqual(['distance', 'faces', 'match', 'model', 'quality', 'threshold']);
    expect(result).toMatchObject({ match: true, faces: [1, 1], model: engine.manifest.version, threshold: engine.manifest.threshold.distance });
    expect(result.distance).toBeLessThan(result.threshold);
    expect(result.quality[1]).toContain('face.too-small');

    const other = station(['face', 'compare', a, b, '--json']);
    expect(other.status, other.stderr).toBe(0);
    expect(JSON.parse(other.stdout)).toMatchObject({ match: false });
    expect(JSON.parse(other.stdout).distance).toBeGreaterThanOrEqual(result.threshold);

    const text = station(['face', 'compare', a, b], { STATION_LANG: 'zh-CN' });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^不是同一人\n距离 \d\.\d{3}/);

    const crowd = station(['face', 'compare', a, file('group.jpg', group)], { STATION_LANG: 'zh-CN' });
    expect(crowd.status).toBe(2);
    expect(crowd.stderr).toContain('group.jpg');
    expect(crowd.stderr).toMatch(/SeveralFacesError \(face\.several-faces\): 只允许一人入镜/);
    expect(crowd.stdout).toBe('');

    const junk = station(['face', 'compare', file('junk.jpg', Buffer.from('not a picture')), a]);
    expect(junk.status).toBe(2);
    expect(junk.stderr).toMatch(/FaceBadImageError \(face\.bad-image\)/);

    expect(station(['face', 'compare', a]).status).toBe(2);
    expect(station(['face', 'compare', a, join(dir, 'missing.jpg')]).stderr).toMatch(/cli\.file-unreadable/);
  });
});
