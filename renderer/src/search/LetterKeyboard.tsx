import { useI18n } from '../i18n/i18n-context.ts';
import '../styles/keyboard.css';

const ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

/** The on-screen keyboard for pinyin initials: letters only, big keys, no physical keyboard needed. */
export function LetterKeyboard({
  onLetter,
  onDelete,
  onClear,
}: {
  onLetter(letter: string): void;
  onDelete(): void;
  onClear(): void;
}) {
  const { t } = useI18n();
  return (
    <div className="keyboard" data-testid="letter-keyboard">
      {ROWS.map((row) => (
        <div key={row} className="keyboard__row">
          {[...row].map((letter) => (
            <button
              key={letter}
              type="button"
              className="key"
              data-testid={`key-${letter}`}
              onClick={() => onLetter(letter)}
            >
              {letter}
            </button>
          ))}
        </div>
      ))}
      <div className="keyboard__row">
        <button type="button" className="key key--wide" data-testid="key-delete" onClick={onDelete}>
          {t('ui.key.delete')}
        </button>
        <button type="button" className="key key--wide" data-testid="key-clear" onClick={onClear}>
          {t('ui.key.clear')}
        </button>
      </div>
    </div>
  );
}
