import { MAX_QUERY_LENGTH } from '../../../contract/api/api.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { LetterKeyboard } from './LetterKeyboard.tsx';
import type { SearchState } from './use-search.ts';
import '../styles/screens.css';

/**
 * The catalogue search by pinyin initials, as the kiosk and the clerk's intake both show it: the letters typed, the
 * results (updated with each letter), and the on-screen keyboard.
 */
export function SearchPanel({
  query,
  search,
  onQuery,
  onPick,
}: {
  query: string;
  search: SearchState;
  onQuery(query: string): void;
  onPick(code: string): void;
}) {
  const { t, errorText } = useI18n();
  const hits = search.status === 'ok' ? search.hits : [];
  const type = (q: string) => onQuery(q.slice(0, MAX_QUERY_LENGTH));
  return (
    <>
      <div className="search__query" aria-live="polite">
        <span className="search__query-label">{t('ui.search.typed')}</span>
        <span className="search__query-text" data-testid="search-query">
          {query}
        </span>
      </div>
      <ScrollArea className="search__results">
        {/* data-query: which query the hits shown are for (they lag a key behind while a search runs). */}
        <div data-testid="search-results" data-query={search.status === 'ok' ? search.query : ''}>
          {search.status === 'empty' && <p className="hint">{t('ui.search.hint')}</p>}
          {search.status === 'error' && (
            <p className="call-status call-status--error" role="alert" data-testid="call-error">
              {errorText(search.error)}
            </p>
          )}
          {search.status === 'ok' && hits.length === 0 && (
            <p className="hint" data-testid="search-none">
              {t('ui.search.none')}
            </p>
          )}
          {hits.length > 0 && (
            <ol className="result-list">
              {hits.map((hit) => (
                <li key={hit.code}>
                  <button type="button" className="result" data-testid="search-result" onClick={() => onPick(hit.code)}>
                    {hit.name}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
      </ScrollArea>
      <LetterKeyboard onLetter={(l) => type(query + l)} onDelete={() => type(query.slice(0, -1))} onClear={() => type('')} />
    </>
  );
}
