import { beforeAll, describe, expect, it } from 'vitest';
import { chipToImage, landmarkCropToImage } from '../../../native/face/align.ts';
import { decodeImage } from '../../../native/face/decode.ts';
import { detectorInput } from '../../../native/face/detect.ts';
import { euclidean, FaceEngine } from '../../../native/face/face-engine.ts';
import { warp } from '../../../native/face/warp.ts';
import { DEMO_PHOTOS, demoPhoto } from '../../../scripts/face/demo-faces.ts';
import { loadFaceApiTfjs, type FaceApi } from '../../../scripts/face/face-api-tfjs.ts';

// The same input tensors through the ONNX graphs and through face-api on TF.js's wasm backend.
describe('ONNX graphs against the TF.js originals', () => {
  let engine: FaceEngine;
  let faceapi: FaceApi;
  beforeAll(async () => {
    engine = await FaceEngine.load();
    faceapi = await loadFaceApiTfjs();
  });

  it('give the same boxes (2 px), landmarks (1 px) and descriptors (0.01) on every demo photo', async () => {
    const size = engine.manifest.models.detector.input.size;
    const lmSize = engine.manifest.models.landmarks.input.size;
    const chipSize = engine.manifest.models.recognition.input.size;
    let faces = 0;
    for (const name of DEMO_PHOTOS) {
      const image = await decodeImage(demoPhoto(name));
      const { pixels, scale } = await detectorInput(image, size);
      const ours = await engine.detectInInput(pixels, size);
      const input = faceapi.tf.tensor3d(pixels, [size, size, 3]);
      const theirs = await faceapi.detectAllFaces(input as never, new faceapi.TinyFaceDetectorOptions({ inputSize: size, scoreThreshold: 0.5 }));
      input.dispose();
      expect(ours.length, name).toBe(theirs.length);
      expect(ours.length, name).toBeGreaterThan(0);
      for (const box of ours) {
        const twin = theirs.find((d) => Math.abs(d.box.x - box.x) < 5 && Math.abs(d.box.y - box.y) < 5);
        expect(twin, `${name}: a box at ${box.x},${box.y}`).toBeDefined();
        // In the photo's own pixels, which the detector input shrinks ~4.6 times.
        for (const [p, q] of [[box.x, twin!.box.x], [box.y, twin!.box.y], [box.x + box.width, twin!.box.right], [box.y + box.height, twin!.box.bottom]]) {
          expect(Math.abs(p! - q!) / scale, name).toBeLessThanOrEqual(2);
        }
        const faceBox = { x: box.x / scale, y: box.y / scale, width: box.width / scale, height: box.height / scale, score: box.score };
        const crop = landmarkCropToImage(faceBox, lmSize);
        const cropPixels = warp(image, crop, lmSize, lmSize);
        const ourPoints = await engine.landmarksInCrop(cropPixels);
        const cropTensor = faceapi.tf.tensor3d(cropPixels, [lmSize, lmSize, 3]);
        const theirPoints = ((await faceapi.nets.faceLandmark68Net.detectLandmarks(cropTensor as never)) as { positions: { x: number; y: number }[] }).positions;
        cropTensor.dispose();
        expect(theirPoints).toHaveLength(68);
        for (const [i, p] of ourPoints.entries()) {
          expect(Math.hypot(p.x - theirPoints[i]!.x, p.y - theirPoints[i]!.y) * crop.a, `${name} landmark ${i}`).toBeLessThanOrEqual(1);
        }
        const landmarks = ourPoints.map((p) => ({ x: crop.a * p.x + crop.tx, y: crop.a * p.y + crop.ty }));
        const chip = warp(image, chipToImage(landmarks, chipSize), chipSize, chipSize);
        const chipTensor = faceapi.tf.tensor3d(chip, [chipSize, chipSize, 3]);
        const theirDescriptor = (await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(chipTensor as never)) as Float32Array;
        chipTensor.dispose();
        expect(theirDescriptor).toHaveLength(128);
        expect(euclidean(await engine.embedChip(chip), theirDescriptor), name).toBeLessThanOrEqual(0.01);
        faces++;
      }
    }
    expect(faces).toBeGreaterThanOrEqual(18);
  });
});
