import { useState } from 'react';
import { MAX_RONGQUE_WORKING_DAYS } from '../../../contract/domain/cases.ts';
import { today as todayInChina } from '../common/day-text.ts';
import { dueText } from '../common/due-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { DateSheet } from '../keys/DateSheet.tsx';
import type { MaterialChoice } from './intake-state.ts';
import { useCall } from '../station/use-call.ts';

const SPANS = [3, 5, 10];

/** 容缺: by when the material is to follow, from a few buttons (N 个工作日) or a day tapped on a month page. */
export function RongqueChoices({ onChoose, onCancel }: { onChoose(choice: MaterialChoice): void; onCancel(): void }) {
  const { t, locale } = useI18n();
  const [picking, setPicking] = useState(false);
  const today = todayInChina();
  const promise = (dueDate: string) => onChoose({ status: 'promised', dueDate });
  // The station's own calendar, which the township may have updated.
  const dues = useCall((client) => client.workingDays({ from: today, counts: [...SPANS, MAX_RONGQUE_WORKING_DAYS] }), [today]);
  // The core refuses a promise later than this; the month page offers none.
  const latest = dues.status === 'ok' ? dues.value[SPANS.length]?.date : undefined;
  return (
    <div className="material-options" data-testid="rongque-choices">
      <p className="hint">{t('ui.material.rongque.when')}</p>
      {SPANS.map((n, i) => {
        const due = dues.status === 'ok' ? (dues.value[i] ?? null) : null;
        return (
          due !== null && (
            <button key={n} type="button" className="option" data-testid="rongque-days" data-days={n} data-date={due.date} onClick={() => promise(due.date)}>
              <span className="option__title">{t('ui.material.rongque.days', { days: n })}</span>
              <span className="option__line">{t('ui.material.rongque.by', { date: dueText(t, locale, due.date, due.provisional) })}</span>
            </button>
          )
        );
      })}
      <button type="button" className="option" data-testid="rongque-pick-date" onClick={() => setPicking(true)}>
        <span className="option__title">{t('ui.material.rongque.pick')}</span>
      </button>
      <button type="button" data-testid="option-cancel" onClick={onCancel}>
        {t('ui.sheet.cancel')}
      </button>
      {picking && (
        <DateSheet
          title={t('ui.material.rongque.pick')}
          initial={null}
          min={today}
          {...(latest !== undefined && { max: latest })}
          onCancel={() => setPicking(false)}
          onDone={(day) => {
            setPicking(false);
            promise(day);
          }}
        />
      )}
    </div>
  );
}
