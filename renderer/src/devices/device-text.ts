import { StationError } from '../../../contract/domain/errors.ts';
import type { DeviceStatus } from '../../../contract/api/devices.ts';
import type { I18n } from '../i18n/i18n-context.ts';
import { hasMessage } from '../i18n/message-tables.ts';
import { ROLE_KEYS } from './device-words.ts';

/** The core's detail: a catalogue message when it is a key, otherwise its own words. */
export function detailText(i18n: I18n, detail: string): string {
  return hasMessage(i18n.locale, detail) ? i18n.t(detail) : detail;
}

/** The last error as the catalogue message of its code (which says what to do), with the time it happened. */
export function lastErrorText(i18n: I18n, lastError: NonNullable<DeviceStatus['lastError']>): string {
  const message = i18n.errorText(new StationError(lastError.code, lastError.code, { params: lastError.params }));
  const at = new Date(lastError.at);
  const time = Number.isNaN(at.getTime())
    ? lastError.at
    : new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'short', timeStyle: 'medium' }).format(at);
  return i18n.t('ui.device.lastError', { time, message });
}

export function rolesText(i18n: I18n, roles: readonly string[]): string {
  const words = roles.map((r) => (Object.hasOwn(ROLE_KEYS, r) ? i18n.t(ROLE_KEYS[r]!) : r));
  return i18n.t('ui.device.roles', { roles: words.join(i18n.t('ui.list.separator')) });
}
