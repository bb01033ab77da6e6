import { GraphBuilder, type Dim } from '../face/onnx-graph.ts';
import type { Constant, GraphNode, TfjsGraph } from './tfjs-graph.ts';

/** The TF.js ops this converter knows; a graph with any other op is refused by name. */
export const SUPPORTED_OPS = [
  'Placeholder', 'Const', 'Conv2D', 'DepthwiseConv2dNative', 'Conv2DBackpropInput', 'Add', 'AddV2', 'AddN', 'Mul',
  'Relu', 'Relu6', 'Sigmoid', 'AvgPool', 'ResizeBilinear',
] as const;

export interface ConvertOptions {
  name: string;
  /** Graph input name and shape (NHWC); pixels are divided by `divisor` inside the graph before the network. */
  input: { name: string; shape: Dim[]; divisor: number };
  output: { name: string; shape: Dim[] };
}

const pair = (v: GraphNode['attr'][string]) => {
  const l = v as number[];
  return [l[1]!, l[2]!];
};

/**
 * Rewrites a TF.js graph model as one ONNX graph. TensorFlow's NHWC activations become ONNX's NCHW: the input is
 * transposed once, filters and per-channel constants are laid out for NCHW as they are used, and the output is
 * transposed back, so the ONNX graph takes and gives tensors in the TF.js model's own layout.
 */
export function tfjsGraphToOnnx(graph: TfjsGraph, opts: ConvertOptions): Uint8Array {
  const unknown = [...new Set(graph.nodes.map((n) => n.op))].filter((op) => !(SUPPORTED_OPS as readonly string[]).includes(op));
  if (unknown.length) throw new Error(`ops not supported by the converter: ${unknown.join(', ')}`);
  if (graph.inputs.length !== 1 || graph.outputs.length !== 1) throw new Error('the converter handles one input and one output');
  const g = new GraphBuilder(opts.name, 'doorstep convert-segmentation-model');
  const values = new Map<string, string>();
  const constant = (name: string): Constant => {
    const c = graph.constants.get(name);
    if (!c) throw new Error(`constant ${name} missing`);
    return c;
  };
  const isConstant = (name: string) => graph.constants.has(name);
  // A constant operand of an element-wise op: a scalar stays as it is, a per-channel vector broadcasts over NCHW.
  const operand = (name: string): string => {
    if (!isConstant(name)) return tensor(name);
    const c = constant(name);
    const data = Float32Array.from(c.values);
    if (c.shape.length === 0) return g.constant(data, []);
    if (c.shape.length === 1) return g.constant(data, [1, c.shape[0]!, 1, 1]);
    throw new Error(`constant ${name} of shape ${c.shape.join('×')} in an element-wise op`);
  };
  const tensor = (name: string): string => {
    const v = values.get(name);
    if (!v) throw new Error(`${name} is used before it is computed`);
    return v;
  };
  const weight = (name: string) => {
    const c = constant(name);
    return { shape: c.shape, values: Float32Array.from(c.values) };
  };
  const convPadding = (n: GraphNode): Record<string, string | number[]> => {
    if (n.attr.padding === 'SAME') return { auto_pad: 'SAME_UPPER' };
    if (n.attr.padding === 'VALID') return { pads: [0, 0, 0, 0] };
    throw new Error(`${n.name}: padding ${String(n.attr.padding)} not supported`);
  };
  const check = (n: GraphNode) => {
    if (n.attr.data_format !== undefined && n.attr.data_format !== 'NHWC') throw new Error(`${n.name}: data format ${String(n.attr.data_format)}`);
    const d = n.attr.dilations as number[] | undefined;
    if (d && d.some((x) => x !== 1)) throw new Error(`${n.name}: dilations not supported`);
  };

  for (const n of graph.nodes) {
    check(n);
    const ins = n.inputs.filter((i) => !i.startsWith('^'));
    let out: string;
    switch (n.op) {
      case 'Const':
        continue;
      case 'Placeholder': {
        const scaled = g.op('Div', [opts.input.name, g.constant([opts.input.divisor], [1])]);
        out = g.op('Transpose', [scaled], { perm: [0, 3, 1, 2] });
        break;
      }
      case 'Conv2D':
      case 'DepthwiseConv2dNative': {
        const filter = weight(ins[1]!);
        const depthwise = n.op === 'DepthwiseConv2dNative';
        const [kh, kw, cin] = filter.shape as [number, number, number, number];
        const w = depthwise ? g.depthwiseFilter(filter) : g.filter(filter);
        out = g.op('Conv', [tensor(ins[0]!), w], {
          kernel_shape: [kh, kw],
          strides: pair(n.attr.strides!),
          ...convPadding(n),
          ...(depthwise ? { group: cin } : {}),
        });
        break;
      }
      case 'Conv2DBackpropInput': {
        // Filter [h, w, out, in] (the forward convolution's), as ConvTranspose's [in, out, h, w].
        const f = weight(ins[1]!);
        const [kh, kw, cout, cin] = f.shape as [number, number, number, number];
        const w = new Float32Array(f.values.length);
        for (let y = 0; y < kh; y++)
          for (let x = 0; x < kw; x++)
            for (let o = 0; o < cout; o++)
              for (let i = 0; i < cin; i++) w[((i * cout + o) * kh + y) * kw + x] = f.values[((y * kw + x) * cout + o) * cin + i]!;
        const sizes = constant(ins[0]!).values;
        out = g.op('ConvTranspose', [tensor(ins[2]!), g.constant(w, [cin, cout, kh, kw])], {
          kernel_shape: [kh, kw],
          strides: pair(n.attr.strides!),
          output_shape: [sizes[1]!, sizes[2]!],
          ...(n.attr.padding === 'SAME' ? { auto_pad: 'SAME_UPPER' } : {}),
        });
        break;
      }
      case 'Add':
      case 'AddV2':
        out = g.op('Add', [operand(ins[0]!), operand(ins[1]!)]);
        break;
      case 'Mul':
        out = g.op('Mul', [operand(ins[0]!), operand(ins[1]!)]);
        break;
      case 'AddN':
        out = g.op('Sum', ins.map(operand));
        break;
      case 'Relu':
        out = g.op('Relu', [tensor(ins[0]!)]);
        break;
      case 'Relu6':
        out = g.op('Clip', [tensor(ins[0]!), g.constant([0], []), g.constant([6], [])]);
        break;
      case 'Sigmoid':
        out = g.op('Sigmoid', [tensor(ins[0]!)]);
        break;
      case 'AvgPool':
        // TF leaves padding out of the average, as ONNX's count_include_pad = 0 does.
        out = g.op('AveragePool', [tensor(ins[0]!)], { kernel_shape: pair(n.attr.ksize!), strides: pair(n.attr.strides!), ...convPadding(n) });
        break;
      case 'ResizeBilinear': {
        if (n.attr.align_corners) throw new Error(`${n.name}: align_corners not supported`);
        const x = tensor(ins[0]!);
        const size = Array.from(constant(ins[1]!).values);
        const batchChannels = g.op('Slice', [g.op('Shape', [x]), g.int64s([0]), g.int64s([2])]);
        const sizes = g.op('Concat', [batchChannels, g.int64s(size)], { axis: 0 });
        out = g.op('Resize', [x, '', '', sizes], {
          mode: 'linear',
          coordinate_transformation_mode: n.attr.half_pixel_centers ? 'half_pixel' : 'asymmetric',
        });
        break;
      }
      default:
        throw new Error(`op ${n.op} not handled`);
    }
    values.set(n.name, out);
  }
  const result = g.op('Transpose', [tensor(graph.outputs[0]!)], { perm: [0, 2, 3, 1] });
  return g.encode([{ name: opts.input.name, shape: opts.input.shape }], [{ name: opts.output.name, from: result, shape: opts.output.shape }]);
}
