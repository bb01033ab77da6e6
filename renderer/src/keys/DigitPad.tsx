import { useI18n } from '../i18n/i18n-context.ts';
import '../styles/keys.css';

const ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

/**
 * A big telephone-style number pad: 1–9, then the `extra` key (X for ID numbers, a point for money) or nothing,
 * 0, and 删除; 清空 under them. No physical keyboard needed.
 */
export function DigitPad({
  onKey,
  onDelete,
  onClear,
  extra,
}: {
  onKey(key: string): void;
  onDelete(): void;
  onClear(): void;
  extra?: string;
}) {
  const { t } = useI18n();
  const key = (k: string) => (
    <button key={k} type="button" className="pad-key" data-testid={`key-${k === '.' ? 'point' : k}`} onClick={() => onKey(k)}>
      {k}
    </button>
  );
  return (
    <div className="digit-pad" data-testid="digit-pad">
      {ROWS.map((row) => row.map(key))}
      {extra === undefined ? <span /> : key(extra)}
      {key('0')}
      <button type="button" className="pad-key pad-key--word" data-testid="key-delete" onClick={onDelete}>
        {t('ui.key.delete')}
      </button>
      <button type="button" className="pad-key pad-key--word pad-key--span" data-testid="key-clear" onClick={onClear}>
        {t('ui.key.clear')}
      </button>
    </div>
  );
}
