import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One weight of a TF.js weights manifest, dequantised: shape in TF.js order (filters are [h, w, in, out]). */
export interface Weight {
  shape: number[];
  values: Float32Array;
}

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
  quantization?: { dtype: 'uint8' | 'uint16'; scale: number; min: number };
}

const BYTES = { float32: 4, uint8: 1, uint16: 2 } as const;

/**
 * Reads `<dir>/<model>-weights_manifest.json` and its shards, as TF.js's loader does: the shards concatenated,
 * each weight in manifest order, a quantised one restored as q × scale + min.
 */
export function readTfjsWeights(dir: string, model: string): Map<string, Weight> {
  const manifest = JSON.parse(readFileSync(join(dir, `${model}-weights_manifest.json`), 'utf8')) as {
    paths: string[];
    weights: ManifestEntry[];
  }[];
  const weights = new Map<string, Weight>();
  for (const group of manifest) {
    const data = Buffer.concat(group.paths.map((p) => readFileSync(join(dir, p))));
    let offset = 0;
    for (const entry of group.weights) {
      const count = entry.shape.reduce((a, b) => a * b, 1);
      const q = entry.quantization;
      const size = count * BYTES[q ? q.dtype : entry.dtype];
      if (offset + size > data.length) throw new Error(`${model}: shard ends inside ${entry.name}`);
      const values = new Float32Array(count);
      if (!q) {
        values.set(new Float32Array(data.buffer.slice(data.byteOffset + offset, data.byteOffset + offset + size)));
      } else {
        for (let i = 0; i < count; i++) {
          const raw = q.dtype === 'uint8' ? data[offset + i]! : data.readUInt16LE(offset + 2 * i);
          values[i] = raw * q.scale + q.min;
        }
      }
      weights.set(entry.name, { shape: entry.shape, values });
      offset += size;
    }
    if (offset !== data.length) throw new Error(`${model}: ${data.length - offset} bytes left over in its shards`);
  }
  return weights;
}
