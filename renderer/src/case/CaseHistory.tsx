import type { CaseEvent } from '../../../contract/domain/cases.ts';
import type { Locale } from '../../../contract/domain/messages.ts';
import { dayText, instantText } from '../common/day-text.ts';
import { EVENT_KEYS, STATE_KEYS } from '../desk/case-words.ts';
import { useI18n } from '../i18n/i18n-context.ts';

/**
 * A detail worth showing beside the event: the tracking number of a posted result, a due date that moved, how the
 * face check was decided (a clerk's override or look, with the reason they gave).
 */
function eventNote(t: (k: string, p?: Record<string, string | number>) => string, locale: Locale, event: CaseEvent): string | null {
  const { method, tracking, from, to } = event.detail;
  if (event.type === 'dueDateChanged' && typeof from === 'string' && typeof to === 'string') {
    return t('ui.case.dueDateChanged', { from: dayText(locale, from), to: dayText(locale, to) });
  }
  if (event.type === 'faceChecked') {
    const { outcome, reference, failure, clerk } = event.detail as { outcome?: string; reference?: string; failure?: string | null; clerk?: { reason?: string } | null };
    const reason = clerk?.reason ?? '';
    if (outcome === 'overridden') return t('ui.case.face.overridden', { failure: failure ? t(failure) : '', reason });
    if (outcome === 'visual') return t('ui.case.face.visual', { reason });
    return t('ui.case.face.passed', { reference: t(`ui.case.face.reference.${reference ?? 'none'}`) });
  }
  if (event.type === 'deliver') {
    if (method === 'post') return t('ui.case.deliver.posted', { tracking: typeof tracking === 'string' ? tracking : '' });
    if (method === 'pickup') return t('ui.case.deliver.pickedUp');
  }
  return null;
}

/** Every event of the case, oldest first: when, what, by whom, and the state it left the case in. */
export function CaseHistory({ history, nameOf }: { history: readonly CaseEvent[]; nameOf(id: string | null): string | null }) {
  const { t, locale } = useI18n();
  return (
    <section className="case-section" data-testid="case-history">
      <h2 className="section-title">{t('ui.case.history')}</h2>
      <ol className="case-history">
        {history.map((e) => {
          const what = Object.hasOwn(EVENT_KEYS, e.type) ? t(EVENT_KEYS[e.type]!) : e.type;
          const note = eventNote(t, locale, e);
          const actor = nameOf(e.actor);
          return (
            <li key={e.id} className="case-event" data-testid="case-event" data-type={e.type} data-state={e.state}>
              <span className="case-event__time">{instantText(locale, e.at)}</span>
              <span className="case-event__what">{what}</span>
              <span className="case-event__state">{t('ui.case.stateAfter', { state: t(STATE_KEYS[e.state]) })}</span>
              {actor !== null && <span className="case-event__actor">{t('ui.case.by', { name: actor })}</span>}
              {note !== null && <span className="case-event__note">{note}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
