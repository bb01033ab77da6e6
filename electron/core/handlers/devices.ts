import sharp from 'sharp';
import { devicesOf } from '../station.ts';
import { visitOwner } from './photo.ts';
import { actorOf, personRef, printed, type Core, type HandlersOf } from './handler-kit.ts';

type Methods =
  | 'devicesList'
  | 'idcardRead'
  | 'kioskVisitEnd'
  | 'sigpadStart'
  | 'sigpadClear'
  | 'sigpadConfirm'
  | 'sigpadCancel'
  | 'signatureSave'
  | 'simulatedCardPlace'
  | 'cameraSavePage'
  | 'attachmentPreview'
  | 'printerTestPage';

/** A kiosk visit ends with the photos it held, and those made before any card was read. */
function endVisit(core: Core, visit: string | null): void {
  core.visits.end(visit);
  core.photos.dropAll(visitOwner(null));
  if (visit !== null) core.photos.dropAll(visitOwner(visit));
}

/** Previews are for the screen: small and quick to send. */
const PREVIEW_PX = 480;

export function deviceHandlers(core: Core): HandlersOf<Methods> {
  const devices = () => devicesOf(core);
  return {
    devicesList: () => devices().list(),
    idcardRead: async (_input, caller) => {
      const card = await devices().readIdCard();
      // Who read whose card: the keyed hash of the number, never the number.
      core.audit.record({ staffId: actorOf(caller)?.staffId ?? null, action: 'idcard.read', subjectKind: 'person', subjectRef: personRef(core.keys, card.idNumber) });
      // At the window the card's photo waits for a face check that session may start.
      if (caller.kind === 'staff') core.faces.rememberCard(caller.session, card);
      if (caller.kind !== 'kiosk') return { card, visit: null };
      // At the kiosk a new card is a new visit: whatever the previous one made is no longer this screen's.
      endVisit(core, caller.visit);
      return { card, visit: core.visits.start(card) };
    },
    simulatedCardPlace: async ({ profile }) => {
      await devices().placeSimulatedCard(profile);
      return {};
    },
    kioskVisitEnd: (_input, caller) => {
      if (caller.kind === 'kiosk') endVisit(core, caller.visit);
      return {};
    },
    sigpadStart: () => devices().sigpadStart(),
    sigpadClear: async () => {
      await devices().sigpadClear();
      return {};
    },
    sigpadConfirm: async () => {
      core.storage.assertRoom();
      const signature = await devices().sigpadConfirm();
      const { png, width, height } = await devices().renderSignature(signature);
      return core.attachments.put({ kind: 'signature', mime: 'image/png', bytes: png, width, height });
    },
    sigpadCancel: async () => {
      await devices().sigpadCancel();
      return {};
    },
    signatureSave: async ({ signature }, caller) => {
      // At the kiosk, only within a visit: nothing is kept for nobody.
      if (caller.kind === 'kiosk') core.visits.card(caller.visit);
      core.storage.assertRoom();
      const { png, width, height } = await devices().renderSignature(signature);
      const attachment = core.attachments.put({ kind: 'signature', mime: 'image/png', bytes: png, width, height });
      if (caller.kind === 'kiosk') core.visits.note(caller.visit, { attachment: attachment.sha256 });
      return attachment;
    },
    cameraSavePage: async ({ image }, caller) => {
      if (caller.kind === 'kiosk') core.visits.card(caller.visit);
      core.storage.assertRoom();
      const page = await devices().processPage(Buffer.from(image, 'base64'));
      const attachment = core.attachments.put({ kind: 'scan', mime: 'image/jpeg', bytes: page.jpeg, width: page.width, height: page.height });
      if (caller.kind === 'kiosk') core.visits.note(caller.visit, { attachment: attachment.sha256 });
      return { attachment, detected: page.detected };
    },
    attachmentPreview: async ({ sha256 }, caller) => {
      // The kiosk sees only what this visit took; staff see any page, and every look is audited.
      if (caller.kind === 'kiosk') core.visits.assertOwn(caller.visit, { attachment: sha256 });
      const { attachment, bytes } = core.attachments.get(sha256);
      core.audit.record({ staffId: actorOf(caller)?.staffId ?? null, action: 'attachment.view', subjectKind: 'attachment', subjectRef: sha256.slice(0, 16), detail: { kind: attachment.kind } });
      const image = sharp(bytes).resize(PREVIEW_PX, PREVIEW_PX, { fit: 'inside', withoutEnlargement: true });
      const png = attachment.mime === 'image/png';
      const preview = await (png ? image.png() : image.jpeg({ quality: 70 })).toBuffer();
      return { mime: png ? 'image/png' : 'image/jpeg', base64: preview.toString('base64') };
    },
    printerTestPage: async ({ role }) => printed(await devices().printTestPage(role)),
  };
}
