import { devicesOf } from '../station.ts';
import { actorOf, printed, type Core, type HandlersOf } from './handler-kit.ts';

export function documentHandlers(core: Core): HandlersOf<'docPrint' | 'docRender' | 'noticePrint'> {
  return {
    docPrint: async ({ caseNo, document }, caller) => {
      // Without a clerk, only the villager's own receipt at the end of a kiosk application, and only then.
      if (caller.kind === 'kiosk') {
        core.visits.assertOwn(caller.visit, { caseNo });
        core.cases.assertFreshKioskReceipt(caseNo, document, core.clock());
      }
      const pdf = await core.documents.render(caseNo, document, actorOf(caller), core.clock());
      return printed(await devicesOf(core).print(document === 'mandate' ? 'a4' : 'receipt', pdf, 1, `${document}-${caseNo}`));
    },
    docRender: async ({ caseNo, document }, caller) => ({
      pdf: Buffer.from(await core.documents.render(caseNo, document, actorOf(caller), core.clock())).toString('base64'),
    }),
    noticePrint: async ({ matterCode, applicantName, missing }, caller) => {
      const actor = actorOf(caller);
      // At the kiosk the notice is for the card this visit read.
      const name = caller.kind === 'kiosk' ? core.visits.card(caller.visit).name : applicantName;
      const noticeNo = core.cases.registerNotice(matterCode, missing, actor);
      const clerk = actor === null ? undefined : core.staff.list().find((s) => s.id === actor.staffId)?.displayName;
      const pdf = await core.documents.notice(matterCode, { name }, missing, clerk, noticeNo, core.clock());
      return printed(await devicesOf(core).print('receipt', pdf, 1, `notice-${noticeNo}`));
    },
  };
}
