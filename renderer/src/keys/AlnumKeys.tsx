import { LetterKeyboard } from '../search/LetterKeyboard.tsx';
import { DigitRow } from './DigitRow.tsx';

/** Digits, a dash and capital letters: ID numbers (X), case numbers (ABCDE-20261122-0001), tracking numbers. */
export function AlnumKeys({ onText, onDelete, onClear }: { onText(text: string): void; onDelete(): void; onClear(): void }) {
  return (
    <div className="alnum-keys" data-testid="alnum-keys">
      <DigitRow onKey={onText} extra={['-']} />
      <LetterKeyboard onLetter={onText} onDelete={onDelete} onClear={onClear} />
    </div>
  );
}
