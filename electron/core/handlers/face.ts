import type { Caller } from '../../../contract/api/method.ts';
import type { Channel } from '../face/face-checks.ts';
import { FaceCheckError } from '../face/face-errors.ts';
import { devicesOf } from '../station.ts';
import type { Core, HandlersOf } from './handler-kit.ts';

type Methods = 'faceCheckStart' | 'faceCheckFrame' | 'faceCheckEnd' | 'faceCheckConfirm' | 'faceModel' | 'faceTest';

/**
 * Whose screen a check belongs to: the kiosk's live visit (a visit that ended takes its checks with it), or the
 * signed-in member's session at the window.
 */
export function faceOwner(core: Core, caller: Exclude<Caller, { kind: 'public' }>): { owner: string; channel: Channel } {
  if (caller.kind === 'kiosk') {
    core.visits.card(caller.visit);
    return { owner: `visit:${caller.visit}`, channel: 'kiosk' };
  }
  if (caller.kind === 'staff') return { owner: `session:${caller.session}`, channel: 'window' };
  return { owner: 'operator', channel: 'window' };
}

export function faceHandlers(core: Core): HandlersOf<Methods> {
  return {
    faceCheckStart: ({ idNumber }, caller) => {
      const { owner, channel } = faceOwner(core, caller);
      if (caller.kind === 'kiosk') {
        // The kiosk checks the card this visit read, never a number the page sends.
        const card = core.visits.card(caller.visit);
        return core.faces.start(owner, channel, card.idNumber, card);
      }
      const card = caller.kind === 'staff' ? core.faces.windowCard(caller.session) : null;
      const who = idNumber ?? card?.idNumber;
      if (!who) throw new FaceCheckError('face.check-unknown', 'read the card or give the ID number first');
      return core.faces.start(owner, channel, who, card);
    },
    faceCheckFrame: ({ check, image }, caller) => core.faces.frame(check, faceOwner(core, caller).owner, Buffer.from(image, 'base64')),
    faceCheckEnd: ({ check, reason }, caller) => ({ result: core.faces.end(check, faceOwner(core, caller).owner, reason) }),
    faceCheckConfirm: async ({ check, kind, reason, pin }, caller) => {
      if (caller.kind !== 'staff') throw new FaceCheckError('face.confirm-not-allowed', 'only a signed-in clerk decides', { kind });
      await core.staff.confirmPin(caller.staffId, pin, `face.${kind}`);
      return core.faces.confirm(check, faceOwner(core, caller).owner, kind, { staffId: caller.staffId, reason });
    },
    faceModel: () => devicesOf(core).faceInfo(),
    faceTest: async ({ image }) => {
      const start = performance.now();
      try {
        const face = await devicesOf(core).faceDescribe(Buffer.from(image, 'base64'), { embed: false });
        return { faces: face.faces, prompt: face.quality.failed[0] ?? null, ms: performance.now() - start };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'face.no-face') return { faces: 0, prompt: code, ms: performance.now() - start };
        if (code === 'face.several-faces') return { faces: Number((error as { params: { count: number } }).params.count), prompt: code, ms: performance.now() - start };
        throw error;
      }
    },
  };
}
