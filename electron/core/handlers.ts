import sharp from 'sharp';
import { CASE_ROLES } from '../../contract/domain/roles.ts';
import { StationError } from '../../contract/domain/errors.ts';
import type { Actor } from './cases/case-service.ts';
import { CalendarError } from '../../contract/domain/calendar/calendar-error.ts';
import { chinaDay } from '../../contract/domain/clock.ts';
import type { Handlers } from './dispatch.ts';
import { guidePdf } from './guide/guide-document.ts';
import { type Role } from '../../contract/domain/roles.ts';
import { requireRole } from './security/staff-service.ts';
import { devicesOf, type Station } from './station.ts';

class NotSelfServiceError extends StationError {
  constructor(matter: string) {
    super('cases.not-self-service', `${matter} is not a self-service matter`, { params: { matter }, kind: 'input' });
  }
}


/** Previews are for the screen: small and quick to send. */
const PREVIEW_PX = 480;

/** The contract's implementation: each method a thin call into one service. */
export function createHandlers(station: Omit<Station, 'handlers'>): Handlers {
  const devices = () => devicesOf(station);
  /** The signed-in staff member behind a session, with a role that may do this. */
  const staffActor = (session: string, roles: readonly Role[] = CASE_ROLES): Actor => {
    const s = station.staff.resolve(session);
    requireRole(s, ...roles);
    return { staffId: s.staffId };
  };
  const optionalActor = (session: string | undefined): Actor => (session === undefined ? null : staffActor(session));
  return {
    appInfo: () => ({
      name: 'Doorstep',
      version: station.version,
      mode: station.mode,
      catalogVersion: station.catalog.current().version,
      idleTimeoutSec: station.config.idleTimeoutSec,
      defaultLocale: station.config.defaultLocale,
      now: station.clock().toISOString(),
    }),
    catalogLifeEvents: () => station.catalog.lifeEvents(),
    catalogList: ({ lifeEvent }) => station.catalog.list(lifeEvent),
    catalogSearch: ({ query }) => station.catalog.search(query),
    catalogGuide: ({ code }) => station.catalog.guide(code),
    guidePrint: async ({ code, copies }) => {
      const matter = station.catalog.matter(code);
      const document = await guidePdf(station.catalog, code, station.clock());
      const job = await devices().print('a4', document, copies, `guide-${matter.code}`);
      station.logger.log('info', 'guide.printed', { code, queue: job.queue, jobId: job.jobId });
      return { jobId: String(job.jobId), queue: job.queue, state: job.state };
    },
    devicesList: () => devices().list(),
    idcardRead: () => devices().readIdCard(),
    sigpadStart: () => devices().sigpadStart(),
    sigpadClear: async () => {
      await devices().sigpadClear();
      return {};
    },
    sigpadConfirm: async () => {
      const signature = await devices().sigpadConfirm();
      const { png, width, height } = await devices().renderSignature(signature);
      return station.attachments.put({ kind: 'signature', mime: 'image/png', bytes: png, width, height });
    },
    sigpadCancel: async () => {
      await devices().sigpadCancel();
      return {};
    },
    signatureSave: async ({ signature }) => {
      const { png, width, height } = await devices().renderSignature(signature);
      return station.attachments.put({ kind: 'signature', mime: 'image/png', bytes: png, width, height });
    },
    cameraSavePage: async ({ image }) => {
      const page = await devices().processPage(Buffer.from(image, 'base64'));
      const attachment = station.attachments.put({
        kind: 'scan',
        mime: 'image/jpeg',
        bytes: page.jpeg,
        width: page.width,
        height: page.height,
      });
      return { attachment, detected: page.detected };
    },
    attachmentPreview: async ({ sha256 }) => {
      const { attachment, bytes } = station.attachments.get(sha256);
      station.logger.log('info', 'attachment.viewed', { sha256: sha256.slice(0, 12), kind: attachment.kind });
      const image = sharp(bytes).resize(PREVIEW_PX, PREVIEW_PX, { fit: 'inside', withoutEnlargement: true });
      const png = attachment.mime === 'image/png';
      const preview = await (png ? image.png() : image.jpeg({ quality: 70 })).toBuffer();
      return { mime: png ? 'image/png' : 'image/jpeg', base64: preview.toString('base64') };
    },
    staffList: () =>
      station.staff
        .list()
        .filter((s) => s.active)
        .map((s) => ({ id: s.id, name: s.displayName, role: s.role })),
    staffLogin: async ({ staffId, pin }) => {
      const session = await station.staff.login(staffId, pin);
      const name = station.staff.list().find((s) => s.id === staffId)?.displayName ?? '';
      return { session: session.token, staffId, name, role: session.role, expiresAt: session.expiresAt };
    },
    staffLogout: ({ session }) => {
      station.staff.logout(session);
      return {};
    },
    applicantCheck: ({ session, idNumber, matterCode }) => {
      optionalActor(session);
      const matter = station.catalog.matter(matterCode);
      const reason = station.cases.blacklistReason(idNumber);
      const due = station.cases.dueDate(matter, chinaDay(station.clock()));
      return { rongque: matter.rongque && reason === null, blacklisted: reason !== null, reason, dueDate: due.date, dueProvisional: due.provisional };
    },
    caseIntake: (input) => {
      if (input.channel === 'kiosk') {
        const matter = station.catalog.matter(input.matterCode);
        if (!matter.selfService) throw new NotSelfServiceError(matter.name);
      }
      const actor = input.channel === 'window' || input.session !== undefined ? staffActor(input.session ?? '') : null;
      const result = station.cases.intake(input, actor);
      station.scheduler?.nudge();
      return result;
    },
    caseList: ({ session, view, page }) => {
      staffActor(session);
      return station.cases.list(view, page);
    },
    caseFind: ({ session, query }) => station.cases.find(query, staffActor(session)),
    caseGet: ({ session, caseNo }) => station.cases.get(caseNo, staffActor(session)),
    caseTransition: ({ session, caseNo, action, detail }) => station.cases.transition(caseNo, action, staffActor(session), detail),
    caseSupply: ({ session, caseNo, materialId, pages }) => station.cases.supplyMaterial(caseNo, materialId, pages, staffActor(session)),
    caseProgress: ({ idNumber }) => station.cases.progress(idNumber),
    docPrint: async ({ session, caseNo, document }) => {
      const actor = optionalActor(session);
      // Without a clerk, only the villager's own receipt at the end of a kiosk application, and only then.
      if (actor === null) station.cases.assertFreshKioskReceipt(caseNo, document, station.clock());
      const pdf = await station.documents.render(caseNo, document, actor, station.clock());
      const job = await devices().print(document === 'mandate' ? 'a4' : 'receipt', pdf, 1, `${document}-${caseNo}`);
      return { jobId: String(job.jobId), queue: job.queue, state: job.state };
    },
    noticePrint: async ({ session, matterCode, applicantName, missing }) => {
      const actor = optionalActor(session);
      const noticeNo = station.cases.registerNotice(matterCode, missing, actor);
      const clerk = actor === null ? undefined : station.staff.list().find((s) => s.id === actor.staffId)?.displayName;
      const pdf = await station.documents.notice(matterCode, { name: applicantName }, missing, clerk, noticeNo, station.clock());
      const job = await devices().print('receipt', pdf, 1, `notice-${noticeNo}`);
      return { jobId: String(job.jobId), queue: job.queue, state: job.state };
    },
    workingDays: ({ from, counts }) =>
      counts.map((n) => {
        try {
          return station.calendar.current.addWorkingDays(from, n);
        } catch (error) {
          // Past the provisional horizon there is no honest answer: the screen offers no such button.
          if (error instanceof CalendarError) return null;
          throw error;
        }
      }),
    calendarStatus: () => station.calendar.status(),
    syncStatus: () => {
      const status = station.sync.status();
      const calendar = station.calendar.status();
      const { syncWarnDays, syncWarnPending } = station.config;
      const since = status.lastSyncAt === null ? Infinity : (station.clock().getTime() - Date.parse(status.lastSyncAt)) / 86_400_000;
      const warnings: ('not-synced-for-days' | 'too-many-pending' | 'calendar-ending')[] = [];
      if (status.enrolled && since > syncWarnDays) warnings.push('not-synced-for-days');
      if (status.pending > syncWarnPending) warnings.push('too-many-pending');
      if (calendar.warning) warnings.push('calendar-ending');
      return { ...status, state: station.scheduler?.state ?? 'idle', warnings, calendar };
    },
    syncNow: () => {
      void station.scheduler?.run();
      return {};
    },
    printerTestPage: async ({ role }) => {
      const job = await devices().printTestPage(role);
      return { jobId: String(job.jobId), queue: job.queue, state: job.state };
    },
  };
}
