import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One node of a TF.js graph model, its attributes flattened to numbers, number lists, strings and booleans. */
export interface GraphNode {
  name: string;
  op: string;
  inputs: string[];
  attr: Record<string, number | number[] | string | boolean>;
}

/** A constant of the graph, dequantised; shape in TensorFlow's order (NHWC, filters [h, w, in, out]). */
export interface Constant {
  shape: number[];
  values: Float32Array | Int32Array;
}

export interface TfjsGraph {
  nodes: GraphNode[];
  constants: Map<string, Constant>;
  inputs: { name: string; shape: number[] }[];
  outputs: string[];
}

interface WeightEntry {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  quantization?: { dtype: 'float16' | 'uint8' | 'uint16'; scale?: number; min?: number };
}

interface RawAttr {
  i?: string;
  f?: number;
  b?: boolean;
  s?: string;
  list?: { i?: string[]; f?: number[] };
  shape?: { dim?: { size: string }[] };
}

const BYTES = { float32: 4, int32: 4, float16: 2, uint8: 1, uint16: 2 } as const;

/** IEEE half to single precision. */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

function flatten(attr: Record<string, RawAttr> | undefined): GraphNode['attr'] {
  const out: GraphNode['attr'] = {};
  for (const [key, v] of Object.entries(attr ?? {})) {
    if (v.list?.i) out[key] = v.list.i.map(Number);
    else if (v.list?.f) out[key] = v.list.f;
    else if (v.i !== undefined) out[key] = Number(v.i);
    else if (v.f !== undefined) out[key] = v.f;
    else if (v.b !== undefined) out[key] = v.b;
    else if (v.s !== undefined) out[key] = Buffer.from(v.s, 'base64').toString('utf8');
    else if (v.shape?.dim) out[key] = v.shape.dim.map((d) => Number(d.size));
  }
  return out;
}

/**
 * Reads a TF.js graph model (`model.json` and its weight shards) as TF.js's loader does: the shards concatenated,
 * each weight in manifest order, float16 and affine-quantised weights restored to float32.
 */
export function readTfjsGraph(modelJson: string): TfjsGraph {
  const model = JSON.parse(readFileSync(modelJson, 'utf8')) as {
    modelTopology: { node: { name: string; op: string; input?: string[]; attr?: Record<string, RawAttr> }[] };
    weightsManifest: { paths: string[]; weights: WeightEntry[] }[];
    signature?: { outputs?: Record<string, { name: string }> };
  };
  const constants = new Map<string, Constant>();
  for (const group of model.weightsManifest) {
    const data = Buffer.concat(group.paths.map((p) => readFileSync(join(dirname(modelJson), p))));
    let offset = 0;
    for (const entry of group.weights) {
      const count = entry.shape.reduce((a, b) => a * b, 1);
      const q = entry.quantization;
      const size = count * BYTES[q ? q.dtype : entry.dtype];
      if (offset + size > data.length) throw new Error(`${modelJson}: shard ends inside ${entry.name}`);
      const values = entry.dtype === 'int32' ? new Int32Array(count) : new Float32Array(count);
      for (let i = 0; i < count; i++) {
        if (!q) values[i] = entry.dtype === 'int32' ? data.readInt32LE(offset + 4 * i) : data.readFloatLE(offset + 4 * i);
        else if (q.dtype === 'float16') values[i] = halfToFloat(data.readUInt16LE(offset + 2 * i));
        else values[i] = (q.dtype === 'uint8' ? data[offset + i]! : data.readUInt16LE(offset + 2 * i)) * q.scale! + q.min!;
      }
      constants.set(entry.name, { shape: entry.shape, values });
      offset += size;
    }
    if (offset !== data.length) throw new Error(`${modelJson}: ${data.length - offset} bytes left over in its shards`);
  }
  const nodes = model.modelTopology.node.map((n) => ({ name: n.name, op: n.op, inputs: n.input ?? [], attr: flatten(n.attr) }));
  const inputs = nodes.filter((n) => n.op === 'Placeholder').map((n) => ({ name: n.name, shape: n.attr.shape as number[] }));
  const outputs = Object.values(model.signature?.outputs ?? {}).map((o) => o.name.replace(/:0$/, ''));
  return { nodes, constants, inputs, outputs };
}
