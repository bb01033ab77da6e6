import type { DeviceStatus } from '../../contract/api/devices.ts';
import type { Signature } from '../../contract/domain/signature.ts';
import { createHidSignaturePad } from '../sigpad/index.ts';
import { loadLayouts } from '../sigpad/layouts.ts';
import { DEFAULT_RECORDING_DIR, loadRecording } from '../sigpad/recording.ts';
import { createSignaturePad, type SignaturePad } from '../sigpad/signature-pad.ts';
import { SimulatedTransport } from '../sigpad/simulator-transport.ts';
import type { StrokeEvent } from '../sigpad/stroke-builder.ts';
import { join } from 'node:path';

const STATE: Record<string, DeviceStatus['state']> = {
  absent: 'absent',
  unavailable: 'unavailable',
  ready: 'ready',
  capturing: 'busy',
  error: 'error',
};

/**
 * The window's signature pad as a device. With --simulate, a recorded signature (王小明 on an STU-430) replays
 * through the same transport interface the USB pad uses, each time a capture starts.
 */
export class SigpadDevice {
  private pad: SignaturePad | null = null;
  private simulated = false;

  async start(simulate: boolean, onInk: (event: StrokeEvent) => void, onCleared: () => void): Promise<void> {
    const layouts = await loadLayouts();
    if (simulate) {
      const recording = await loadRecording(join(DEFAULT_RECORDING_DIR, 'stu-430-wang-xiaoming.json'));
      const transport = new SimulatedTransport(recording, { pace: 'realtime' });
      this.pad = createSignaturePad({ transport, layouts });
      // A simulated villager signs as soon as signing starts.
      this.pad.on('state', (status) => {
        if (status.state === 'capturing') void transport.play();
      });
      this.simulated = true;
    } else {
      this.pad = createHidSignaturePad(layouts);
    }
    this.pad.on('point', onInk);
    this.pad.on('cleared', onCleared);
    await this.pad.probe();
  }

  /** Looks for the pad again (hot-plug), unless it is in the middle of a capture. */
  async discover(): Promise<void> {
    if (this.pad && this.pad.status().state !== 'capturing') await this.pad.probe();
  }

  status(): DeviceStatus {
    const status = this.pad?.status() ?? { state: 'absent' as const };
    return {
      id: 'sigpad:window',
      kind: 'sigpad',
      name: this.simulated ? '模拟签字板' : (status.device?.name ?? '签字板'),
      state: STATE[status.state] ?? 'error',
      simulated: this.simulated,
      roles: ['window'],
      detail: status.device ? `${status.device.surface.width}×${status.device.surface.height}` : null,
      lastError: status.lastError ? { code: status.lastError.code, params: status.lastError.params, at: new Date().toISOString() } : null,
    };
  }

  private need(): SignaturePad {
    if (!this.pad) throw new Error('signature pad not started');
    return this.pad;
  }

  async begin(): Promise<{ width: number; height: number }> {
    const pad = this.need();
    await pad.start();
    const surface = pad.status().device?.surface;
    return { width: surface?.width ?? 1, height: surface?.height ?? 1 };
  }

  clear(): Promise<void> {
    return this.need().clear();
  }

  confirm(): Promise<Signature> {
    return this.need().confirm();
  }

  cancel(): Promise<void> {
    return this.need().cancel();
  }

  async close(): Promise<void> {
    await this.pad?.close();
  }
}
