import { useI18n } from '../i18n/i18n-context.ts';
import { STATE_KEYS, type DeviceState } from './device-words.ts';

/** 就绪 / 使用中 / 未连接 / 不可用 / 故障: a colour and the word, never the colour alone. */
export function DeviceStateBadge({ state }: { state: DeviceState }) {
  const { t } = useI18n();
  return (
    <span className={`device-state device-state--${state}`} data-testid="device-state" data-state={state}>
      {t(STATE_KEYS[state])}
    </span>
  );
}
