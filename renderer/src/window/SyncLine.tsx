import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../contract/api/api.ts';
import type { EventPayload } from '../../../contract/api/events.ts';
import { instantText } from '../common/day-text.ts';
import { EVENT_KEYS } from '../desk/case-words.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { hasMessage } from '../i18n/message-tables.ts';
import { Sheet } from '../keys/Sheet.tsx';
import { useClient } from '../station/client-context.ts';

type SyncStatus = MethodOutput<'syncStatus'>;
type Translate = ReturnType<typeof useI18n>['t'];

/** The line refreshes this often even with no event: "N 分钟前" moves on, and an intake while offline adds one. */
const REFRESH_MS = 30_000;

/** What the line says: 已同步 · N 分钟前, 待上传 N 件 · 网络断开, 正在同步…, 同步出错, 未登记到乡镇. */
export function syncLineText(t: Translate, s: Pick<SyncStatus, 'enrolled' | 'state' | 'pending' | 'lastSyncAt'>, now: number): string {
  if (!s.enrolled) return t('ui.sync.line.notEnrolled');
  if (s.state === 'syncing') return t('ui.sync.line.syncing');
  if (s.state === 'offline') return t('ui.sync.line.offline', { count: s.pending });
  if (s.state === 'error') return t('ui.sync.line.error');
  if (s.pending > 0) return t('ui.sync.line.pending', { count: s.pending });
  if (s.lastSyncAt === null) return t('ui.sync.line.never');
  const minutes = Math.max(0, Math.floor((now - Date.parse(s.lastSyncAt)) / 60_000));
  if (minutes < 1) return t('ui.sync.line.justNow');
  if (minutes < 60) return t('ui.sync.line.minutes', { count: minutes });
  if (minutes < 24 * 60) return t('ui.sync.line.hours', { count: Math.floor(minutes / 60) });
  return t('ui.sync.line.days', { count: Math.floor(minutes / (24 * 60)) });
}

/** The tone of the line: fine, waiting, or a problem the clerk should see. */
function tone(s: Pick<SyncStatus, 'enrolled' | 'state' | 'pending'>): 'ok' | 'wait' | 'bad' {
  if (!s.enrolled || s.state === 'offline' || s.state === 'error') return 'bad';
  return s.state === 'syncing' || s.pending > 0 ? 'wait' : 'ok';
}

/**
 * The desk's sync line: how the station stands with the township, live from the core's syncState event and
 * syncStatus. A tap opens the sheet with each record that waits, why, 立即同步, and the guardrail warnings.
 */
export function SyncLine() {
  const client = useClient();
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [open, setOpen] = useState(false);

  const refresh = useCallback(() => {
    client.syncStatus({}).then(
      (s) => {
        setStatus(s);
        setNow(Date.now());
      },
      // The line is a hint: a failed read leaves the last one standing; the next event or tick tries again.
      () => undefined,
    );
  }, [client]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    const off = client.on('syncState', (e: EventPayload<'syncState'>) => {
      // The event's own fields show at once; the rest (items, warnings) follows from syncStatus.
      setStatus((s) => (s === null ? s : { ...s, ...e }));
      setNow(Date.now());
      refresh();
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, [client, refresh]);

  if (status === null) return null;
  const text = syncLineText(t, status, now);
  const reasonText = (reason: string) => (hasMessage(locale, reason) ? t(reason) : t('ui.sync.reason.unknown'));
  const eventText = (type: string) => {
    const key = EVENT_KEYS[type];
    return key ? t(key) : type;
  };

  return (
    <>
      <button
        type="button"
        className={`sync-line sync-line--${tone(status)}`}
        data-testid="sync-line"
        data-state={status.enrolled ? status.state : 'not-enrolled'}
        data-pending={status.pending}
        onClick={() => {
          refresh();
          setOpen(true);
        }}
      >
        {text}
        {status.warnings.length > 0 && <span className="sync-line__warn"> ⚠</span>}
      </button>
      {open && (
        <Sheet title={t('ui.sync.sheet.title')} testId="sync-sheet">
          <p className={`sync-sheet__state sync-line--${tone(status)}`} data-testid="sync-sheet-state">
            {text}
          </p>
          {status.warnings.map((w) => (
            <p key={w} className="sync-sheet__warning" role="alert" data-testid="sync-warning" data-warning={w}>
              {t(`ui.sync.warning.${w}`)}
            </p>
          ))}
          <p>
            {t('ui.label.value', {
              label: t('ui.sync.sheet.lastSync'),
              value: status.lastSyncAt === null ? t('ui.sync.sheet.lastSync.never') : instantText(locale, status.lastSyncAt),
            })}
          </p>
          {status.lastError !== null && status.state !== 'idle' && (
            <p data-testid="sync-last-error">
              {t('ui.label.value', { label: t('ui.sync.sheet.lastError'), value: reasonText(status.lastError) })}
            </p>
          )}
          <h3 className="section-title">{t('ui.sync.sheet.pending')}</h3>
          {status.items.length === 0 ? (
            <p className="hint" data-testid="sync-none">
              {t('ui.sync.sheet.none')}
            </p>
          ) : (
            <ul className="sync-items" data-testid="sync-items">
              {status.items.map((item) => (
                <li key={item.eventId} className="sync-item" data-testid="sync-item" data-case-no={item.caseNo} data-reason={item.reason}>
                  <span className="sync-item__head">
                    {item.caseNo} · {eventText(item.type)}
                  </span>
                  <span>{t('ui.sync.sheet.since', { at: instantText(locale, item.at) })}</span>
                  <span className={item.reason === 'sync.not-sent' ? '' : 'sync-item__problem'}>{reasonText(item.reason)}</span>
                </li>
              ))}
            </ul>
          )}
          {status.pending > status.items.length && <p className="hint">{t('ui.sync.sheet.more', { count: status.pending - status.items.length })}</p>}
          <div className="sheet__buttons">
            <button type="button" className="sheet__cancel" data-testid="sync-close" onClick={() => setOpen(false)}>
              {t('ui.sync.sheet.close')}
            </button>
            <button
              type="button"
              className="wide-button"
              data-testid="sync-now"
              disabled={!status.enrolled || status.state === 'syncing'}
              onClick={() => {
                client.syncNow({}).then(refresh, refresh);
              }}
            >
              {t('ui.sync.sheet.syncNow')}
            </button>
          </div>
        </Sheet>
      )}
    </>
  );
}
