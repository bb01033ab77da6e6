import { useI18n } from '../i18n/i18n-context.ts';
import { useCall } from '../station/use-call.ts';

const mb = (bytes: number): string => `${(bytes / (1 << 20)).toFixed(1)} MB`;

/** Room in the data directory for the technician: how much is free, what takes it, and what to free when full. */
export function StorageLine() {
  const { t } = useI18n();
  const status = useCall((client) => client.storageStatus({}), []);
  if (status.status !== 'ok') return null;
  const s = status.value;
  return (
    <p className={s.full ? 'technician__calendar technician__calendar--warn' : 'technician__calendar'} data-testid="storage-line" data-full={s.full}>
      {t('ui.technician.storage', { free: mb(s.freeBytes), database: mb(s.databaseBytes), log: mb(s.logBytes), dir: s.dataDir })}
      {s.full && (
        <span role="alert" data-testid="storage-full">
          {t('ui.technician.storageFull')}
        </span>
      )}
      {s.droppedLogLines > 0 && t('ui.technician.storageDropped', { count: s.droppedLogLines })}
    </p>
  );
}
