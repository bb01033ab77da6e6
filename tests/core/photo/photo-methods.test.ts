import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../contract/api/api.ts';
import type { Attachment } from '../../../contract/api/devices.ts';
import type { PhotoMade } from '../../../contract/api/photo.ts';
import { STATION_PHOTO_SOURCE } from '../../../contract/domain/cases.ts';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import type { CallContext } from '../../../electron/core/dispatch.ts';
import { message } from '../../../electron/core/messages.ts';
import { decodeImage } from '../../../native/face/decode.ts';
import { FaceEngine } from '../../../native/face/face-engine.ts';
import { demoPhoto, portrait } from '../../../scripts/face/demo-faces.ts';
import { startTownship, type InProcessTownship } from '../../../scripts/lib/township.ts';
import { ensureCupsPdf, OFFICE_QUEUE, PDF_QUEUE } from '../../helpers/cups.ts';
import { testClock } from '../../helpers/clock.ts';
import { fakeScan, validForm } from '../../helpers/intake.ts';
import { openTestStation, type TestStation } from '../../helpers/station.ts';

// 证件照 through the contract, with the photo maker in the real device process (`--simulate` for the card reader,
// whose decoder gives the card's photo; the card is 王测试's, born 1958 in 津市市, who may apply for 老年优待证) and
// the photo role on the cups-pdf queue.
const ELDERLY = '430000-WJ-0015';
const KIOSK: CallContext = { transport: 'http', visit: null };

let station: TestStation;
let township: InProcessTownship;
const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-photo-'));
let frame = '';
let group = '';

beforeAll(async () => {
  await ensureCupsPdf();
  writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ printers: { photo: PDF_QUEUE, a4: PDF_QUEUE, receipt: PDF_QUEUE }, simulatedCard: 'wang-ceshi', county: '津市市' }));
  station = openTestStation({ dataDir, mode: 'web', clock: testClock });
  township = await startTownship({ dataDir: mkdtempSync(join(tmpdir(), 'doorstep-photo-township-')) });
  await station.sync.enroll(township.url, await township.code());
  const devices = station.startDevices({ simulate: true });
  const engine = await FaceEngine.load();
  const sample = demoPhoto('sample3.jpg');
  const boxes = await engine.detect(await decodeImage(sample));
  await engine.close();
  // A camera frame of one frontal face filling the height, as a person at the head outline gives.
  const face = await sharp(await portrait(sample, boxes[1]!, 0.6)).resize(480, 480).toBuffer();
  frame = (await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8a8a84' } }).composite([{ input: face, left: 80, top: 0 }]).jpeg({ quality: 85 }).toBuffer()).toString('base64');
  group = sample.toString('base64');
  await devices.whenReady();
}, 120_000);

afterAll(async () => {
  await station.close();
  await township.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call<T>(method: MethodName, input: unknown, ctx: CallContext): Promise<T> {
  const reply = await station.call(method, input, ctx);
  if (!reply.ok) throw Object.assign(new Error(`${method}: ${reply.error.code} ${reply.error.message}`), { code: reply.error.code });
  return reply.value as T;
}

async function refusal(method: MethodName, input: unknown, ctx: CallContext): Promise<string> {
  const reply = await station.call(method, input, ctx);
  if (reply.ok) throw new Error(`${method} was not refused`);
  return reply.error.code;
}

describe('证件照 methods', () => {
  it('makes a red 一寸 from camera frames at the kiosk with no card, prints it as a sheet, then forgets it', async () => {
    const made = await call<PhotoMade>('photoMake', { frames: [frame, frame], spec: '1inch', background: 'red' }, KIOSK);
    expect(made).toMatchObject({ spec: { id: '1inch', widthMm: 25, heightMm: 35 }, background: 'red', source: 'camera', widthPx: 295, heightPx: 413, lowResolution: false, sheet: { count: 10 } });
    expect(made.checks.headHeight!.ok && made.checks.eyeLine!.ok).toBe(true);
    expect(made.frame).toEqual({ chosen: 0, offered: 2 });
    expect((await sharp(Buffer.from(made.jpeg, 'base64')).metadata()).width).toBe(295);

    const job = await call<{ queue: string; state: string }>('photoPrint', { photo: made.photo }, KIOSK);
    expect(job).toMatchObject({ queue: PDF_QUEUE, state: 'completed' });
    // Another screen cannot print or keep it; once dropped, nobody can.
    const clerkLess: CallContext = { transport: 'http', visit: (await call<{ visit: string }>('idcardRead', {}, KIOSK)).visit };
    expect(await refusal('photoPrint', { photo: made.photo }, clerkLess)).toBe('photo.gone');
    const again = await call<PhotoMade>('photoMake', { frames: [frame], spec: '1inch', background: 'blue' }, KIOSK);
    await call('photoDrop', { photo: again.photo }, KIOSK);
    expect(await refusal('photoPrint', { photo: again.photo }, KIOSK)).toBe('photo.gone');
  });

  it('refuses what cannot become a photo with the reason, holding nothing', async () => {
    expect(await refusal('photoMake', { frames: [group], spec: '1inch', background: 'red' }, KIOSK)).toBe('photo.several-faces');
    expect(await refusal('photoMake', { frames: [frame], spec: '3inch', background: 'red' }, KIOSK)).toBe('photo.unknown-spec');
    expect(await refusal('photoMake', { frames: [frame], spec: 'id-card', background: 'red' }, KIOSK)).toBe('photo.background-not-allowed');
    expect(await refusal('photoMake', { frames: [], spec: '1inch', background: 'red' }, KIOSK)).toBe('error.validation');
    expect(await refusal('photoKeep', { photo: 'x'.repeat(24) }, KIOSK)).toBe('photo.gone');
  });

  it("prints the card's own photo as a 一寸 marked low resolution, and needs a card for it", async () => {
    expect(await refusal('photoFromCard', {}, KIOSK)).toBe('kiosk.card-needed');
    const { visit } = await call<{ visit: string; card: IdentityCard }>('idcardRead', {}, KIOSK);
    const made = await call<PhotoMade>('photoFromCard', { spec: '1inch' }, { transport: 'http', visit });
    expect(made).toMatchObject({ source: 'card', background: null, lowResolution: true, widthPx: 295, heightPx: 413, checks: {}, frame: null });
    expect(await call('photoPrint', { photo: made.photo }, { transport: 'http', visit })).toMatchObject({ state: 'completed' });
  });

  it('keeps a station-taken photo as the 照片 material of a 老年优待证 case, marked 本站采集', async () => {
    const { visit, card } = await call<{ visit: string; card: IdentityCard }>('idcardRead', {}, KIOSK);
    const ctx: CallContext = { transport: 'http', visit };
    const made = await call<PhotoMade>('photoMake', { frames: [frame], spec: '1inch', background: 'red' }, ctx);
    const page = await call<Attachment>('photoKeep', { photo: made.photo }, ctx);
    expect(page).toMatchObject({ kind: 'photo', mime: 'image/jpeg', width: 295, height: 413 });
    const preview = await call<{ mime: string }>('attachmentPreview', { sha256: page.sha256 }, ctx);
    expect(preview.mime).toBe('image/jpeg');

    const matter = station.catalog.matter(ELDERLY);
    const signature = fakeScan(station.attachments, 'photo-case-signature', 'signature');
    const scan = fakeScan(station.attachments, 'photo-case-scan');
    const intake = await call<{ caseNo: string }>(
      'caseIntake',
      {
        requestId: crypto.randomUUID(),
        channel: 'kiosk',
        matterCode: ELDERLY,
        applicant: { name: card.name, idNumber: card.idNumber, gender: card.gender, birthDate: card.birthDate, address: 'address' in card ? card.address : '' },
        form: { ...validForm(matter, '1950-01-01'), 'birth-date': card.birthDate },
        materials: [
          { materialId: 'id-card-copy', status: 'exempt', exemption: 'id-card-proves' },
          { materialId: 'photo-1inch', status: 'provided', pages: [page.sha256] },
        ],
        applicantSignature: signature,
      },
      ctx,
    );
    const detail = station.cases.get(intake.caseNo, null);
    const photo = detail.materials.find((m) => m.materialId === 'photo-1inch')!;
    expect(photo).toMatchObject({ status: 'provided', pages: [page.sha256], source: STATION_PHOTO_SOURCE });
    // The case goes up to the township with the photo and its 本站采集 mark.
    expect(await station.sync.syncOnce()).toMatchObject({ pending: 0, conflicts: 0 });
    const atTownship = await township.admin('GET', `/v1/admin/cases/${intake.caseNo}`);
    expect(atTownship.status).toBe(200);
    const received = (atTownship.json as { events: { type: string; attachments: string[]; detail: { materials: unknown[] } }[] }).events.find((e) => e.type === 'received')!;
    expect(received.attachments).toContain(page.sha256);
    expect(received.detail.materials).toContainEqual({ id: 'photo-1inch', status: 'provided', source: STATION_PHOTO_SOURCE });
    // A scan handed in for the same material is the villager's own photo: no 本站采集.
    const own = station.cases.intake({ ...(await ownPhotoIntake(matter, card, scan, signature)) }, null);
    expect(station.cases.get(own.caseNo, null).materials.find((m) => m.materialId === 'photo-1inch')!.source).toBeNull();
  });
});

async function ownPhotoIntake(matter: { form?: unknown }, card: IdentityCard, scan: string, signature: string) {
  return {
    requestId: crypto.randomUUID(),
    channel: 'window' as const,
    matterCode: ELDERLY,
    applicant: { name: card.name, idNumber: card.idNumber, gender: card.gender, birthDate: card.birthDate, address: 'address' in card ? card.address : '' },
    form: { ...validForm(matter as never, '1950-01-01'), 'birth-date': card.birthDate },
    materials: [
      { materialId: 'id-card-copy', status: 'exempt' as const, exemption: 'id-card-proves' as const },
      { materialId: 'photo-1inch', status: 'provided' as const, pages: [scan] },
    ],
    applicantSignature: signature,
  };
}

describe('证件照 on a printer without 6-inch paper', () => {
  it('refuses to print on the office printer with a message that says so, and the photo stays to print elsewhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doorstep-photo-office-'));
    writeFileSync(join(dir, 'station.json'), JSON.stringify({ printers: { photo: OFFICE_QUEUE } }));
    const office = openTestStation({ dataDir: dir, mode: 'web', clock: testClock });
    try {
      await office.startDevices({ simulate: true }).whenReady();
      const made = (await office.call('photoMake', { frames: [frame], spec: '1inch', background: 'red' }, KIOSK)) as { ok: true; value: PhotoMade };
      const printed = await office.call('photoPrint', { photo: made.value.photo }, KIOSK);
      expect(printed.ok).toBe(false);
      if (printed.ok) return;
      expect(printed.error.code).toBe('printer.no-media');
      expect(message(printed.error.code, printed.error.params)).toBe(`打印机“${OFFICE_QUEUE}”没有这种纸（101.6×152.4 毫米），这次没有打印。请运维人员为这台打印机装好这种纸，或在“设备”页为这类打印选择另一台打印机`);
      // Nothing was sent, and the photo is still held: the clerk can fix the printer and print it.
      const again = await office.call('photoKeep', { photo: made.value.photo }, KIOSK);
      expect(again.ok).toBe(true);
    } finally {
      await office.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

