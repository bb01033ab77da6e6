import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MethodName } from '../../../contract/api/api.ts';
import type { DeviceStatus } from '../../../contract/api/devices.ts';
import type { EventName } from '../../../contract/api/events.ts';
import { IdentityCard } from '../../../contract/domain/identity.ts';
import { openTestStation, type TestStation } from '../../helpers/station.ts';
import { loadProfiles } from '../../../native/idcard/simulator/profiles.ts';
import { syntheticStill, tiltedPage } from '../../../scripts/lib/synthetic-still.ts';
import { ensureCupsPdf, PDF_QUEUE } from '../../helpers/cups.ts';


let station: TestStation;
const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-devices-'));
const events: { event: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  await ensureCupsPdf();
  writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ printers: { receipt: PDF_QUEUE, a4: PDF_QUEUE, photo: PDF_QUEUE } }));
  station = openTestStation({ dataDir, mode: 'web' });
  station.bus.subscribe((event, payload) => events.push({ event, payload }));
  await station.startDevices({ simulate: true }).whenReady();
});

afterAll(async () => {
  await station.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: MethodName, input: unknown = {}) {
  // As the station's operator, who may call every method; who else may is the auth test's business.
  const reply = await station.call(method, input, { transport: 'cli' });
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

describe('simulated devices through the contract, in the device worker', () => {
  it('lists the simulated reader and pad, and the CUPS printer with the roles it plays', async () => {
    const list = (await call('devicesList')) as DeviceStatus[];
    const kinds = list.map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['idcard', 'sigpad', 'printer']));
    expect(list.find((d) => d.kind === 'idcard')).toMatchObject({ state: 'ready', simulated: true });
    expect(list.find((d) => d.kind === 'sigpad')).toMatchObject({ state: 'ready', simulated: true });
    expect(list.find((d) => d.id === `printer:${PDF_QUEUE}`)).toMatchObject({ simulated: false, roles: ['receipt', 'a4', 'photo'] });
  });

  it('reads the simulated card over the pty into a checked identity', async () => {
    const card = IdentityCard.parse(((await call('idcardRead')) as { card: unknown }).card);
    const first = [...loadProfiles().values()][0]!;
    expect(card.name).toBe(first.card.name);
    expect(card.idNumber).toBe(first.card.idNumber);
    expect(card.idNumberValid).toBe(true);
    // The simulator's own WLT decoder gives the first profile's photo at a vendor decoder's 102 × 126.
    expect(card.photo).toMatchObject({ format: 'wlt', bytes: 1024, decoded: { mime: 'image/png' } });
    const photo = await sharp(Buffer.from(card.photo.decoded!.base64, 'base64')).metadata();
    expect([photo.width, photo.height]).toEqual([102, 126]);
  });

  it('lists the face model, loaded in the device process, with the version the threshold was calibrated on', async () => {
    await vi.waitFor(async () => expect(((await call('devicesList')) as DeviceStatus[]).find((d) => d.kind === 'face')?.state).toBe('ready'), { timeout: 20_000 });
    const model = (await call('faceModel')) as { state: string; version: string; loadMs: number };
    expect(model.state).toBe('ready');
    expect(((await call('devicesList')) as DeviceStatus[]).find((d) => d.kind === 'face')).toMatchObject({ id: 'face:model', detail: model.version });
    expect(model.loadMs).toBeGreaterThan(0);
  });

  it('captures a signature from the pad with live ink, and stores it as a 600-dpi PNG', async () => {
    const surface = (await call('sigpadStart')) as { width: number; height: number };
    expect(surface.width).toBeGreaterThan(100);
    await vi.waitFor(() => expect(events.some((e) => e.event === 'sigpadInk')).toBe(true), { timeout: 20_000 });
    const attachment = (await call('sigpadConfirm')) as { sha256: string; mime: string; width: number };
    expect(attachment).toMatchObject({ kind: 'signature', mime: 'image/png' });
    const stored = station.attachments.get(attachment.sha256);
    expect((await sharp(stored.bytes).metadata()).density).toBe(600);
  });

  it('straightens a scanned page and keeps it encrypted, addressed by its sha256', async () => {
    const still = await syntheticStill({ width: 1600, height: 1200, page: tiltedPage(1600, 1200, 10, 0.05, 0.8), seed: 3 });
    const { attachment, detected } = (await call('cameraSavePage', { image: Buffer.from(still).toString('base64') })) as {
      attachment: { sha256: string; width: number; height: number };
      detected: boolean;
    };
    expect(detected).toBe(true);
    expect(attachment.height / attachment.width).toBeCloseTo(1.414, 1);
    const row = station.db.prepare('SELECT sealed FROM attachments WHERE sha256 = ?').get(attachment.sha256) as { sealed: Buffer };
    // Sealed at rest: the JPEG's own header is nowhere in the stored bytes.
    expect(row.sealed.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    const preview = (await call('attachmentPreview', { sha256: attachment.sha256 })) as { mime: string; base64: string };
    expect(preview.mime).toBe('image/jpeg');
  });

  it('prints the test page on a role through CUPS and a garbled still is a clear input error', async () => {
    expect(await call('printerTestPage', { role: 'photo' })).toMatchObject({ state: 'completed', queue: PDF_QUEUE });
    const reply = await station.call('cameraSavePage', { image: Buffer.from('not an image').toString('base64') }, { transport: 'cli' });
    expect(!reply.ok && reply.error.code).toBe('camera.bad-image');
  });

  it('reports device changes as events', () => {
    expect(events.some((e) => e.event === 'deviceChanged')).toBe(true);
  });
});
