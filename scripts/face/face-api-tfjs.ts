// The TF.js original, for the parity test and the benchmark's side-by-side figure: @vladmandic/face-api on
// TF.js's wasm backend, its wasm binaries read from node_modules (nothing fetched), its weights from its package.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');

import type * as FaceApiModule from '@vladmandic/face-api';
import type * as Tf from '@tensorflow/tfjs';
import type * as TfWasm from '@tensorflow/tfjs-backend-wasm';

export type FaceApi = typeof FaceApiModule;

let loaded: Promise<FaceApi> | undefined;

/** face-api with the tiny detector, the 68-point landmarks and the recognition net loaded; once per process. */
export function loadFaceApiTfjs(): Promise<FaceApi> {
  loaded ??= (async () => {
    const tf = require('@tensorflow/tfjs') as typeof Tf;
    const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof TfWasm;
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    // A plain directory and no platform fetch: emscripten then reads the binaries from disk, never over a network.
    wasm.setWasmPaths(`${join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist')}/`);
    await tf.setBackend('wasm');
    await tf.ready();
    const models = join(ROOT, 'node_modules', '@vladmandic', 'face-api', 'model');
    await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(models);
    return faceapi;
  })();
  return loaded;
}
