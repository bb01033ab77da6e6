import { MAX_QUERY_LENGTH } from '../../../electron/contract/api.ts';
import { useNav } from '../app/nav-context.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { LetterKeyboard } from '../search/LetterKeyboard.tsx';
import { useSearch } from '../search/use-search.ts';
import '../styles/screens.css';

/** 按拼音首字母查找: tap letters, results update with each one. The query lives in the route, so 返回 keeps it. */
export function SearchScreen({ query }: { query: string }) {
  const { t, errorText } = useI18n();
  const nav = useNav();
  const search = useSearch(query.toLowerCase());
  const setQuery = (q: string) => nav.replace({ screen: 'search', query: q.slice(0, MAX_QUERY_LENGTH) });
  const hits = search.status === 'ok' ? search.hits : [];

  return (
    <ScreenFrame
      screen="search"
      title={t('ui.search.title')}
      speech={{
        text: [t('ui.prompt.search'), ...hits.map((h) => h.name)].join(t('ui.speech.separator')),
        promptKey: 'ui.prompt.search',
      }}
    >
      <div className="search">
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
                    <button
                      type="button"
                      className="result"
                      data-testid="search-result"
                      onClick={() => nav.push({ screen: 'guide', code: hit.code })}
                    >
                      {hit.name}
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </ScrollArea>
        <LetterKeyboard
          onLetter={(letter) => setQuery(query + letter)}
          onDelete={() => setQuery(query.slice(0, -1))}
          onClear={() => setQuery('')}
        />
      </div>
    </ScreenFrame>
  );
}
