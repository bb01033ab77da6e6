import { checkIdNumber } from '../../../contract/domain/id-number.ts';
import { CASE_ROLES } from '../../../contract/domain/roles.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import { chinaDay } from '../../../contract/domain/clock.ts';
import { CalendarError } from '../../../contract/domain/calendar/calendar-error.ts';
import { applicantFromCard } from '../../../contract/domain/applicant.ts';
import { NotAllowedError } from '../dispatch.ts';
import { actorOf, personRef, type Core, type HandlersOf } from './handler-kit.ts';
import { faceOwner } from './face.ts';

class NotSelfServiceError extends StationError {
  constructor(matter: string) {
    super('cases.not-self-service', `${matter} is not a self-service matter`, { params: { matter }, kind: 'input' });
  }
}

type Methods =
  | 'applicantCheck'
  | 'caseIntake'
  | 'caseList'
  | 'caseFind'
  | 'caseGet'
  | 'caseTransition'
  | 'caseSupply'
  | 'caseProgress'
  | 'workingDays'
  | 'deadline'
  | 'calendarStatus';

export function caseHandlers(core: Core): HandlersOf<Methods> {
  return {
    applicantCheck: ({ idNumber, matterCode }, caller) => {
      const matter = core.catalog.matter(matterCode);
      const due = core.cases.dueDate(matter, chinaDay(core.clock()));
      // At the kiosk: only the card this visit read, and nothing of the blacklist (no 容缺 there anyway).
      if (caller.kind === 'kiosk') {
        const card = core.visits.cardFor(caller.visit, idNumber);
        const ineligible = core.cases.eligibility(matter, { birthDate: card.birthDate, address: 'address' in card ? card.address : null });
        return { rongque: false, blacklisted: false, reason: null, dueDate: due.date, dueProvisional: due.provisional, ineligible };
      }
      // At the window the number itself gives the birth date; the address only a card read for this number.
      const card = caller.kind === 'staff' ? core.faces.windowCard(caller.session) : null;
      const sameCard = card !== null && card.idNumber.toUpperCase() === idNumber.toUpperCase() ? card : null;
      const birthDate = sameCard?.birthDate ?? checkIdNumber(idNumber).birthDate;
      const ineligible = birthDate === null ? [] : core.cases.eligibility(matter, { birthDate, address: sameCard && 'address' in sameCard ? sameCard.address : null });
      const reason = core.cases.blacklistReason(idNumber);
      core.audit.record({ staffId: actorOf(caller)?.staffId ?? null, action: 'blacklist.check', subjectKind: 'person', subjectRef: personRef(core.keys, idNumber) });
      return { rongque: matter.rongque && reason === null, blacklisted: reason !== null, reason, dueDate: due.date, dueProvisional: due.provisional, ineligible };
    },
    caseIntake: (input, caller) => {
      if (input.channel === 'kiosk') {
        const matter = core.catalog.matter(input.matterCode);
        if (!matter.selfService) throw new NotSelfServiceError(matter.name);
      } else if (caller.kind === 'kiosk' || (caller.kind === 'staff' && !(CASE_ROLES as readonly string[]).includes(caller.role))) {
        // The window channel is a clerk's or agent's: the kiosk's villager takes only self-service matters in.
        throw new NotAllowedError(caller.kind === 'kiosk' ? 'auth.sign-in-needed' : 'auth.role-needed', 'caseIntake');
      }
      core.storage.assertRoom();
      // The kiosk files under the card the core itself read in this visit, whatever the page sends.
      const filed = caller.kind === 'kiosk' ? { ...input, applicant: applicantFromCard(core.visits.cardFor(caller.visit, input.applicant.idNumber), input.applicant.phone) } : input;
      // The face check must be this screen's own, passed (or decided by a clerk at the window) for this applicant.
      const face = input.faceCheck === undefined ? null : core.faces.accepted(input.faceCheck, faceOwner(core, caller).owner, { requestId: input.requestId, idNumber: filed.applicant.idNumber, channel: input.channel });
      const result = core.cases.intake(filed, actorOf(caller), face);
      if (input.faceCheck !== undefined) core.faces.spend(input.faceCheck, result.caseNo, input.requestId);
      if (caller.kind === 'kiosk') core.visits.note(caller.visit, { caseNo: result.caseNo });
      core.scheduler?.nudge();
      return result;
    },
    caseList: ({ view, page }) => core.cases.list(view, page),
    caseFind: ({ query }, caller) => core.cases.find(query, actorOf(caller)),
    caseGet: ({ caseNo }, caller) => core.cases.get(caseNo, actorOf(caller)),
    caseTransition: ({ caseNo, action, detail }, caller) => core.cases.transition(caseNo, action, actorOf(caller), detail),
    caseSupply: ({ caseNo, materialId, pages }, caller) => {
      core.storage.assertRoom();
      return core.cases.supplyMaterial(caseNo, materialId, pages, actorOf(caller));
    },
    caseProgress: ({ idNumber }, caller) => {
      if (caller.kind === 'kiosk') core.visits.cardFor(caller.visit, idNumber);
      return core.cases.progress(idNumber);
    },
    workingDays: ({ from, counts }) =>
      counts.map((n) => {
        try {
          return core.calendar.current.addWorkingDays(from, n);
        } catch (error) {
          // Past the provisional horizon there is no honest answer: the screen offers no such button.
          if (error instanceof CalendarError) return null;
          throw error;
        }
      }),
    deadline: ({ from, days }) => core.calendar.current.addWorkingDays(from, days),
    calendarStatus: () => core.calendar.status(),
  };
}
