import type { FaceBox } from './detect.ts';
import { fitSimilarity, type Point, type Similarity } from './warp.ts';

// dlib's mean face (get_face_chip_details) for landmarks 17–67, in a unit square: the shape its recognition
// ResNet was trained on. Its chips leave 25 % padding on each side.
export const MEAN_X = [
  0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124, 0.904991, 0.98004, 0.490127, 0.490127, 0.490127,
  0.490127, 0.36688, 0.426036, 0.490127, 0.554217, 0.613373, 0.121737, 0.187122, 0.265825, 0.334606, 0.260918, 0.182743, 0.645647,
  0.714428, 0.793132, 0.858516, 0.79751, 0.719335, 0.254149, 0.340985, 0.428858, 0.490127, 0.551395, 0.639268, 0.726104, 0.642159,
  0.556721, 0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127, 0.552157, 0.689874, 0.553364, 0.490127, 0.42689,
];
export const MEAN_Y = [
  0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891, 0.0187482, 0.038915, 0.106454, 0.203352, 0.307009,
  0.409805, 0.515625, 0.587326, 0.609345, 0.628106, 0.609345, 0.587326, 0.216423, 0.178758, 0.179852, 0.231733, 0.245099, 0.244077,
  0.231733, 0.179852, 0.178758, 0.216423, 0.244077, 0.245099, 0.780233, 0.745405, 0.727388, 0.742578, 0.727388, 0.745405, 0.780233,
  0.864805, 0.902192, 0.909281, 0.902192, 0.864805, 0.784792, 0.778746, 0.785343, 0.778746, 0.784792, 0.824182, 0.831803, 0.824182,
];
const CHIP_PADDING = 0.25;

/** dlib fits on these: not the eyebrows (hair, hats) nor the lower lip (speech moves it). */
const ALIGN_POINTS = Array.from({ length: 51 }, (_, k) => k + 17).filter((i) => !(i <= 26 || (i >= 55 && i <= 59) || i >= 65));

/** Where each alignment landmark sits in a `size` chip. */
export function chipTemplate(size: number): Point[] {
  return ALIGN_POINTS.map((i) => ({
    x: ((CHIP_PADDING + MEAN_X[i - 17]!) / (2 * CHIP_PADDING + 1)) * size,
    y: ((CHIP_PADDING + MEAN_Y[i - 17]!) / (2 * CHIP_PADDING + 1)) * size,
  }));
}

/** The similarity taking chip pixels to picture pixels, fitted on the face's landmarks. */
export function chipToImage(landmarks: readonly Point[], size: number): Similarity {
  return fitSimilarity(chipTemplate(size), ALIGN_POINTS.map((i) => landmarks[i]!));
}

/**
 * The landmark net's input as face-api makes it: the detection box, padded to a square about its centre, scaled to
 * `size`. Returns the map from that square's pixels to the picture's.
 */
export function landmarkCropToImage(box: FaceBox, size: number): Similarity {
  const side = Math.max(box.width, box.height);
  const s = side / size;
  return { a: s, b: 0, tx: box.x + box.width / 2 - side / 2, ty: box.y + box.height / 2 - side / 2 };
}
