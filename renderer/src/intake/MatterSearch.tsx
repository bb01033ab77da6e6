import { useState } from 'react';
import { MAX_QUERY_LENGTH } from '../../../electron/contract/api.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { LetterKeyboard } from '../search/LetterKeyboard.tsx';
import { useSearch } from '../search/use-search.ts';
import '../styles/screens.css';

/** The kiosk's catalogue search by pinyin initials, for the clerk: tap letters, tap the matter. */
export function MatterSearch({ onPick }: { onPick(code: string): void }) {
  const { t, errorText } = useI18n();
  const [query, setQuery] = useState('');
  const search = useSearch(query.toLowerCase());
  const hits = search.status === 'ok' ? search.hits : [];
  const type = (q: string) => setQuery(q.slice(0, MAX_QUERY_LENGTH));
  return (
    <div className="search matter-search" data-testid="matter-search">
      <div className="search__query" aria-live="polite">
        <span className="search__query-label">{t('ui.search.typed')}</span>
        <span className="search__query-text" data-testid="search-query">
          {query}
        </span>
      </div>
      <ScrollArea className="search__results">
        <div data-testid="search-results" data-query={search.status === 'ok' ? search.query : ''}>
          {search.status === 'empty' && <p className="hint">{t('ui.search.hint')}</p>}
          {search.status === 'error' && (
            <p className="call-status call-status--error" role="alert" data-testid="call-error">
              {errorText(search.error)}
            </p>
          )}
          {search.status === 'ok' && hits.length === 0 && <p className="hint">{t('ui.search.none')}</p>}
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
    </div>
  );
}
