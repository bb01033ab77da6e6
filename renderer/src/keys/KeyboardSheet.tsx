import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { AlnumKeys } from './AlnumKeys.tsx';
import { DigitPad } from './DigitPad.tsx';
import type { KeyboardKind } from './keyboard-kind.ts';
import { PinyinKeys } from './PinyinKeys.tsx';
import { Sheet } from './Sheet.tsx';
import { SheetButtons } from './SheetButtons.tsx';

const KIND_KEYS: Record<KeyboardKind, string> = {
  digits: 'ui.keys.kind.digits',
  alnum: 'ui.keys.kind.alnum',
  hanzi: 'ui.keys.kind.hanzi',
};

/**
 * Typing one text on the screen: what is typed so far in big letters, the keys that suit it (a number pad for a
 * phone number, pinyin for a name), 完成 keeps it and 取消 leaves the text as it was. Lengths count characters.
 */
export function KeyboardSheet({
  title,
  hint,
  initial,
  maxLength,
  kinds,
  onDone,
  onCancel,
}: {
  title: string;
  hint?: string;
  initial: string;
  maxLength: number;
  kinds: readonly [KeyboardKind, ...KeyboardKind[]];
  onDone(value: string): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const [kind, setKind] = useState<KeyboardKind>(kinds[0]);
  const length = [...value].length;
  const add = (text: string) => setValue((v) => ([...v].length + [...text].length <= maxLength ? v + text : v));
  const remove = () => setValue((v) => [...v].slice(0, -1).join(''));
  const clear = () => setValue('');

  return (
    <Sheet title={title} testId="keyboard-sheet">
      {hint !== undefined && <p className="sheet__hint">{hint}</p>}
      <div className="sheet__value-line">
        <output className="sheet__value" data-testid="sheet-value">
          {value}
        </output>
        <span className="sheet__count">{t('ui.keys.count', { count: length, max: maxLength })}</span>
      </div>
      {kinds.length > 1 && (
        <div className="sheet__kinds" role="group">
          {kinds.map((k) => (
            <button key={k} type="button" aria-pressed={k === kind} data-testid={`keys-kind-${k}`} onClick={() => setKind(k)}>
              {t(KIND_KEYS[k])}
            </button>
          ))}
        </div>
      )}
      <div className="sheet__keys">
        {kind === 'digits' && <DigitPad onKey={add} onDelete={remove} onClear={clear} />}
        {kind === 'alnum' && <AlnumKeys onText={add} onDelete={remove} onClear={clear} />}
        {kind === 'hanzi' && <PinyinKeys onText={add} onDelete={remove} onClear={clear} />}
      </div>
      <SheetButtons onDone={() => onDone(value)} onCancel={onCancel} />
    </Sheet>
  );
}
