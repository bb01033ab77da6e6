import { dayText } from '../common/day-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { useCall } from '../station/use-call.ts';

/**
 * How far the official holiday calendar reaches, for the technician: after that day due dates are 预计, and from
 * 60 days before it the station asks for next year's schedule.
 */
export function CalendarLine() {
  const { t, locale } = useI18n();
  const status = useCall((client) => client.calendarStatus({}), []);
  if (status.status !== 'ok') return null;
  const { version, officialThrough, warning } = status.value;
  return (
    <p className={warning ? 'technician__calendar technician__calendar--warn' : 'technician__calendar'} data-testid="calendar-line" data-warning={warning}>
      {t('ui.technician.calendar', { version, through: dayText(locale, officialThrough) })}
      {warning && (
        <span role="alert" data-testid="calendar-warning">
          {t('ui.technician.calendarWarning')}
        </span>
      )}
    </p>
  );
}
