import type { DescribeOptions, FaceDescription } from '../../../native/face/face-api.ts';
import type { FaceModelStatus } from '../../../contract/api/face.ts';

/**
 * What the face check needs of the model, which runs in the device/model process (DeviceApi's face methods): the
 * core holds descriptors and landmarks, never a decoded picture.
 */
export interface FaceModelPort {
  faceInfo(): Promise<FaceModelStatus>;
  faceDescribe(image: Uint8Array, options?: DescribeOptions): Promise<FaceDescription>;
  faceDecide(a: number[], b: number[]): Promise<{ match: boolean; distance: number; threshold: number; model: string }>;
}
