import onnxProto from 'onnx-proto';
import type { Weight } from './tfjs-weights.ts';

const { onnx } = onnxProto;
type Attr = number | number[] | string;

/** A dimension of a graph input or output: a size, or a name for one fixed only at run time. */
export type Dim = number | string;

/**
 * Builds one ONNX graph node by node, in NCHW, from TF.js weights (NHWC, filters [h, w, in, out]). Names are
 * numbered in the order nodes are added, so the same network always serialises to the same bytes.
 */
export class GraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private count = 0;

  constructor(
    private readonly name: string,
    private readonly producer = 'doorstep convert-face-models',
  ) {}

  private fresh(op: string): string {
    return `${op.toLowerCase()}_${this.count++}`;
  }

  constant(values: Float32Array | number[], dims: number[], name = this.fresh('w')): string {
    const data = values instanceof Float32Array ? values : Float32Array.from(values);
    this.initializers.push({
      name,
      dims,
      dataType: onnx.TensorProto.DataType.FLOAT,
      rawData: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)),
    });
    return name;
  }

  int64s(values: number[]): string {
    const name = this.fresh('i');
    const data = BigInt64Array.from(values.map(BigInt));
    this.initializers.push({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  op(type: string, inputs: string[], attrs: Record<string, Attr> = {}): string {
    const output = this.fresh(type);
    const attribute = Object.entries(attrs).map(([name, v]) => {
      if (typeof v === 'string') return { name, type: onnx.AttributeProto.AttributeType.STRING, s: new TextEncoder().encode(v) };
      if (Array.isArray(v)) return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: v };
      return Number.isInteger(v)
        ? { name, type: onnx.AttributeProto.AttributeType.INT, i: v }
        : { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: v };
    });
    this.nodes.push({ opType: type, input: inputs, output: [output], name: output, attribute });
    return output;
  }

  /** A TF.js conv2d filter [h, w, in, out] as ONNX's [out, in, h, w]. */
  filter(w: Weight): string {
    const [h, wd, cin, cout] = w.shape as [number, number, number, number];
    const out = new Float32Array(w.values.length);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < wd; x++)
        for (let i = 0; i < cin; i++)
          for (let o = 0; o < cout; o++) out[((o * cin + i) * h + y) * wd + x] = w.values[((y * wd + x) * cin + i) * cout + o]!;
    return this.constant(out, [cout, cin, h, wd]);
  }

  /** A TF.js depthwise filter [h, w, in, 1] as a grouped convolution's [in, 1, h, w]. */
  depthwiseFilter(w: Weight): string {
    const [h, wd, cin, mult] = w.shape as [number, number, number, number];
    if (mult !== 1) throw new Error(`depthwise multiplier ${mult} is not supported`);
    const out = new Float32Array(w.values.length);
    for (let y = 0; y < h; y++) for (let x = 0; x < wd; x++) for (let i = 0; i < cin; i++) out[(i * h + y) * wd + x] = w.values[(y * wd + x) * cin + i]!;
    return this.constant(out, [cin, 1, h, wd]);
  }

  vector(w: Weight): string {
    return this.constant(w.values, [w.values.length]);
  }

  /** A per-channel vector shaped to broadcast over NCHW. */
  channels(w: Weight): string {
    return this.constant(w.values, [1, w.values.length, 1, 1]);
  }

  /**
   * TF's padding: 'same' as ONNX's SAME_UPPER (the odd pixel goes after), 'valid' as none, or explicit pads
   * [top, left, bottom, right] where TF.js pads by hand before a 'valid' convolution.
   */
  conv(
    x: string,
    filter: Weight,
    opts: { stride?: number; padding: 'same' | 'valid' | number[]; bias?: Weight; depthwise?: boolean },
  ): string {
    const [kh, kw, cin] = filter.shape as [number, number, number, number];
    const inputs = [x, opts.depthwise ? this.depthwiseFilter(filter) : this.filter(filter)];
    if (opts.bias) inputs.push(this.vector(opts.bias));
    const stride = opts.stride ?? 1;
    return this.op('Conv', inputs, {
      kernel_shape: [kh, kw],
      strides: [stride, stride],
      ...(opts.padding === 'same' ? { auto_pad: 'SAME_UPPER' } : { pads: opts.padding === 'valid' ? [0, 0, 0, 0] : opts.padding }),
      ...(opts.depthwise ? { group: cin } : {}),
    });
  }

  encode(inputs: { name: string; shape: Dim[] }[], outputs: { name: string; from: string; shape: Dim[] }[]): Uint8Array {
    for (const o of outputs) this.nodes.push({ opType: 'Identity', input: [o.from], output: [o.name], name: `out_${o.name}` });
    const valueInfo = (name: string, shape: Dim[]) => ({
      name,
      type: {
        tensorType: {
          elemType: onnx.TensorProto.DataType.FLOAT,
          shape: { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
        },
      },
    });
    const model = onnx.ModelProto.create({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 17 }],
      producerName: this.producer,
      graph: {
        name: this.name,
        node: this.nodes,
        initializer: this.initializers,
        input: inputs.map((i) => valueInfo(i.name, i.shape)),
        output: outputs.map((o) => valueInfo(o.name, o.shape)),
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}
