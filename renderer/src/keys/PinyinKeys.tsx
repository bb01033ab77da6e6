import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { LetterKeyboard } from '../search/LetterKeyboard.tsx';
import { DigitRow } from './DigitRow.tsx';
import { candidates, loadPinyinIndex, type PinyinIndex } from './pinyin-index.ts';
import '../styles/keys.css';

const PAGE = 12;

/**
 * Chinese without a physical keyboard: tap the pinyin on the letter keys (the same keys as the kiosk search), then
 * tap the character among the candidates. 删除 takes back a letter first, then a character.
 */
export function PinyinKeys({ onText, onDelete, onClear }: { onText(text: string): void; onDelete(): void; onClear(): void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState(0);
  const [index, setIndex] = useState<PinyinIndex | null>(null);
  useEffect(() => {
    let live = true;
    loadPinyinIndex().then(
      (i) => live && setIndex(i),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const found = useMemo(() => (index === null ? [] : candidates(index, typed)), [index, typed]);
  const pages = Math.max(1, Math.ceil(found.length / PAGE));
  const shown = found.slice(page * PAGE, page * PAGE + PAGE);

  const type = (next: string) => {
    setTyped(next);
    setPage(0);
  };

  return (
    <div className="pinyin-keys" data-testid="pinyin-keys">
      <div
        className="pinyin-keys__candidates"
        data-testid="pinyin-candidates"
        data-typed={typed.toLowerCase()}
        data-ready={index !== null}
      >
        <span className="pinyin-keys__typed" data-testid="pinyin-typed">
          {index === null ? t('ui.keys.pinyin.loading') : typed === '' ? t('ui.keys.pinyin.hint') : typed.toLowerCase()}
        </span>
        {shown.map((c) => (
          <button
            key={c}
            type="button"
            className="candidate"
            data-testid="pinyin-candidate"
            onClick={() => {
              onText(c);
              type('');
            }}
          >
            {c}
          </button>
        ))}
        {index !== null && typed !== '' && found.length === 0 && <span className="pinyin-keys__none">{t('ui.keys.pinyin.none')}</span>}
        {pages > 1 && (
          <span className="pinyin-keys__pages">
            <button type="button" data-testid="pinyin-prev" disabled={page === 0} onClick={() => setPage(page - 1)}>
              {t('ui.keys.pinyin.prev')}
            </button>
            <button type="button" data-testid="pinyin-next" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              {t('ui.keys.pinyin.next')}
            </button>
          </span>
        )}
      </div>
      <DigitRow onKey={onText} />
      <LetterKeyboard
        onLetter={(letter) => type(typed + letter)}
        onDelete={() => (typed === '' ? onDelete() : type(typed.slice(0, -1)))}
        onClear={() => {
          type('');
          onClear();
        }}
      />
    </div>
  );
}
