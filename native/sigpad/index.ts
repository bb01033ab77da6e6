/** The signature pad: what the station core uses. */
export type { Signature, SignaturePoint, SignatureStroke } from '../../contract/domain/signature.ts';
export { SignatureSchema } from '../../contract/domain/signature.ts';
export * from './errors.ts';
export type { Layout } from './layout.ts';
export { DEFAULT_LAYOUT_DIR, loadLayouts, pickDevice } from './layouts.ts';
export type { DeviceInfo, SigpadTransport, TransportEvents } from './transport.ts';
export type { NodeHidLoader, NodeHidModule } from './hid-transport.ts';
export { NodeHidTransport } from './hid-transport.ts';
export { SimulatedTransport } from './simulator-transport.ts';
export type { Recording } from './recording.ts';
export { DEFAULT_RECORDING_DIR, loadRecording } from './recording.ts';
export type { PadDevice, PadState, PadStatus, SignaturePad, SignaturePadEvents } from './signature-pad.ts';
export { createSignaturePad } from './signature-pad.ts';
export type { StrokeEvent } from './stroke-builder.ts';
export type { RenderOptions } from './render-geometry.ts';
export { renderSignatureSvg } from './render-svg.ts';
export { renderSignaturePng } from './render-png.ts';

import type { NodeHidLoader } from './hid-transport.ts';
import { NodeHidTransport } from './hid-transport.ts';
import type { Layout } from './layout.ts';
import { pickDevice } from './layouts.ts';
import type { SignaturePad } from './signature-pad.ts';
import { createSignaturePad } from './signature-pad.ts';

/** The real pad: node-hid, loaded on first use, choosing among devices the layouts describe. */
export function createHidSignaturePad(layouts: Layout[], loader?: NodeHidLoader): SignaturePad {
  const transport = new NodeHidTransport({ pick: (devices) => pickDevice(layouts, devices), loader });
  return createSignaturePad({ transport, layouts });
}
