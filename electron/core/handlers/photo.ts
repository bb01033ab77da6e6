import type { Caller } from '../../../contract/api/method.ts';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import { findSpec } from '../../../native/photo/specs.ts';
import { message } from '../messages.ts';
import { cameraPhoto, cardPhoto } from '../photo/photo-made.ts';
import { devicesOf } from '../station.ts';
import { printed, type Core, type HandlersOf } from './handler-kit.ts';

type Methods = 'photoMake' | 'photoFromCard' | 'photoPrint' | 'photoKeep' | 'photoDrop';

class NoCardPhotoError extends StationError {
  constructor(reason: string) {
    super('photo.no-card-photo', `no decoded card photo: ${reason}`, { params: { reason }, kind: 'input' });
  }
}

export const visitOwner = (visit: string | null): string => (visit === null ? 'kiosk' : `visit:${visit}`);

/**
 * Whose photos these are: the kiosk visit's (or the kiosk's before any card was read — 打印照片 needs no card), or
 * the clerk's session at the window.
 */
export function photoOwner(core: Core, caller: Exclude<Caller, { kind: 'public' }>): string {
  if (caller.kind === 'kiosk') {
    if (caller.visit !== null) core.visits.card(caller.visit);
    return visitOwner(caller.visit);
  }
  return caller.kind === 'staff' ? `session:${caller.session}` : 'operator';
}

export function photoHandlers(core: Core): HandlersOf<Methods> {
  const devices = () => devicesOf(core);
  const cardOf = (caller: Exclude<Caller, { kind: 'public' }>): IdentityCard | null =>
    caller.kind === 'kiosk' ? core.visits.card(caller.visit) : caller.kind === 'staff' ? core.faces.windowCard(caller.session) : null;
  return {
    photoMake: async ({ frames, spec, background }, caller) => {
      const owner = photoOwner(core, caller);
      const { report, jpeg } = await devices().photoMake(
        frames.map((f) => Buffer.from(f, 'base64')),
        spec,
        background,
      );
      core.logger.log('info', 'photo.made', { spec, background, frame: report.frame.chosen, offered: report.frame.offered });
      return core.photos.hold(owner, cameraPhoto(findSpec(spec), background, report), jpeg);
    },
    photoFromCard: async ({ spec }, caller) => {
      const owner = photoOwner(core, caller);
      const card = cardOf(caller);
      if (!card) throw new NoCardPhotoError('no card read');
      if (!card.photo.decoded) throw new NoCardPhotoError(card.photo.unavailableReason ?? 'not decoded');
      const made = await devices().photoFromCard(Buffer.from(card.photo.decoded.base64, 'base64'), spec);
      return core.photos.hold(owner, cardPhoto(findSpec(spec), made), made.jpeg);
    },
    photoPrint: async ({ photo, copies }, caller) => {
      const { made, jpeg } = core.photos.get(photoOwner(core, caller), photo);
      const title = message('photo.sheet-title', { spec: made.spec.name });
      const { pdf } = await devices().photoSheet(jpeg, made.spec.id, title);
      return printed(await devices().print('photo', pdf, copies, title));
    },
    photoKeep: ({ photo }, caller) => {
      const owner = photoOwner(core, caller);
      const { made, jpeg } = core.photos.get(owner, photo);
      core.storage.assertRoom();
      const attachment = core.attachments.put({ kind: 'photo', mime: 'image/jpeg', bytes: jpeg, width: made.widthPx, height: made.heightPx });
      if (caller.kind === 'kiosk') core.visits.note(caller.visit, { attachment: attachment.sha256 });
      return attachment;
    },
    photoDrop: ({ photo }, caller) => {
      core.photos.drop(photoOwner(core, caller), photo);
      return {};
    },
  };
}
