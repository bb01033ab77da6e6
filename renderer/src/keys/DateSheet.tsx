import { useState } from 'react';
import { dayText, today as todayInChina } from '../common/day-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { monthGrid, shiftMonth } from './month-grid.ts';
import { Sheet } from './Sheet.tsx';
import { SheetButtons } from './SheetButtons.tsx';

const WEEKDAY_KEYS = ['ui.date.mon', 'ui.date.tue', 'ui.date.wed', 'ui.date.thu', 'ui.date.fri', 'ui.date.sat', 'ui.date.sun'];

/** Picking a day by tapping it on a month page: no typing. `min` and `max` grey out the days outside them. */
export function DateSheet({
  title,
  initial,
  min,
  max,
  onDone,
  onCancel,
}: {
  title: string;
  initial: string | null;
  min?: string;
  max?: string;
  onDone(day: string): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const today = todayInChina();
  const [picked, setPicked] = useState<string | null>(initial);
  const start = picked ?? min ?? today;
  const [view, setView] = useState({ year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)) });
  const move = (delta: number) => setView(shiftMonth(view.year, view.month, delta));
  const shown = t('ui.date.month', { year: view.year, month: view.month });

  return (
    <Sheet title={title} testId="date-sheet">
      <div className="date-sheet__nav">
        <button type="button" data-testid="date-prev-year" onClick={() => move(-12)}>
          {t('ui.date.prevYear')}
        </button>
        <button type="button" data-testid="date-prev-month" onClick={() => move(-1)}>
          {t('ui.date.prevMonth')}
        </button>
        <span className="date-sheet__month" data-testid="date-month">
          {shown}
        </span>
        <button type="button" data-testid="date-next-month" onClick={() => move(1)}>
          {t('ui.date.nextMonth')}
        </button>
        <button type="button" data-testid="date-next-year" onClick={() => move(12)}>
          {t('ui.date.nextYear')}
        </button>
        <button
          type="button"
          data-testid="date-today"
          disabled={(min !== undefined && today < min) || (max !== undefined && today > max)}
          onClick={() => {
            setPicked(today);
            setView({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
          }}
        >
          {t('ui.date.today')}
        </button>
      </div>
      <div className="date-grid" role="group">
        {WEEKDAY_KEYS.map((k) => (
          <span key={k} className="date-grid__weekday">
            {t(k)}
          </span>
        ))}
        {monthGrid(view.year, view.month).map((day, i) =>
          day === null ? (
            <span key={`blank-${i}`} />
          ) : (
            <button
              key={day}
              type="button"
              className={day === today ? 'date-grid__day is-today' : 'date-grid__day'}
              data-testid="date-day"
              data-date={day}
              aria-pressed={day === picked}
              disabled={(min !== undefined && day < min) || (max !== undefined && day > max)}
              onClick={() => setPicked(day)}
            >
              {Number(day.slice(8))}
            </button>
          ),
        )}
      </div>
      <p className="sheet__hint" data-testid="date-picked">
        {picked === null ? t('ui.date.none') : t('ui.date.picked', { date: dayText(locale, picked) })}
      </p>
      <SheetButtons onDone={() => picked !== null && onDone(picked)} onCancel={onCancel} doneDisabled={picked === null} />
    </Sheet>
  );
}
