import type { DeviceStatus } from '../../contract/api/devices.ts';
import type { FaceModelStatus } from '../../contract/api/face.ts';
import type { IdentityCard } from '../../contract/domain/identity.ts';
import type { PhotoBackground } from '../../contract/domain/photo-spec.ts';
import type { PrinterRole } from '../../contract/domain/printer-roles.ts';
import type { Signature } from '../../contract/domain/signature.ts';
import type { DescribeOptions, FaceDescription } from '../face/face-api.ts';
import type { CardPhoto } from '../photo/card-photo.ts';
import type { PhotoReport } from '../photo/photo-maker.ts';
import type { SheetLayout } from '../photo/sheet.ts';
import type { PrintResult } from '../printer/types.ts';

/**
 * What the devices offer the core, declared once: DeviceManager implements it in the device process, and the core
 * holds a typed proxy of it (native/devices/rpc.ts). Arguments and answers cross a process boundary, so they are
 * plain data (structured clone: bytes as Uint8Array).
 */
export interface DeviceApi {
  list(): DeviceStatus[];
  readIdCard(): Promise<IdentityCard>;
  /** With --simulate: lays a profile's card on the simulated reader, or lifts it (null). */
  placeSimulatedCard(profile: string | null): void;
  sigpadStart(): Promise<{ width: number; height: number }>;
  sigpadClear(): Promise<void>;
  sigpadConfirm(): Promise<Signature>;
  sigpadCancel(): Promise<void>;
  renderSignature(signature: Signature): Promise<{ png: Uint8Array; width: number; height: number }>;
  processPage(still: Uint8Array): Promise<{ jpeg: Uint8Array; width: number; height: number; detected: boolean }>;
  print(role: PrinterRole, document: Uint8Array, copies: number, title: string): Promise<PrintResult>;
  printTestPage(role: PrinterRole): Promise<PrintResult>;
  /** The face model's state: loading, ready (version, threshold, load time) or unusable. */
  faceInfo(): FaceModelStatus;
  /** Resolves once the face model loaded or failed to. */
  faceSettled(): Promise<void>;
  /** One picture's one face: box, landmarks, quality and (unless `embed: false`) its descriptor. */
  faceDescribe(image: Uint8Array, options?: DescribeOptions): Promise<FaceDescription>;
  /** Two descriptors against the calibrated threshold. */
  faceDecide(a: number[], b: number[]): Promise<{ match: boolean; distance: number; threshold: number; model: string }>;
  /** 证件照 of the one person in the frames, the best frame kept; refused with a photo.* code the person can act on. */
  photoMake(frames: Uint8Array[], spec: string, background: PhotoBackground): Promise<{ report: PhotoReport; jpeg: Uint8Array }>;
  /** The ID card's own (decoded) photo cut and enlarged to a spec, with how far it was enlarged. */
  photoFromCard(image: Uint8Array, spec: string): Promise<CardPhoto>;
  /** A 6-inch sheet PDF of a finished photo of `spec`, with cutting marks; `title` names the document. */
  photoSheet(jpeg: Uint8Array, spec: string, title: string): Promise<{ pdf: Uint8Array; layout: SheetLayout }>;
  close(): Promise<void>;
}

/** An API seen from the other side of a process boundary: every answer is a promise. */
export type Remote<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};
