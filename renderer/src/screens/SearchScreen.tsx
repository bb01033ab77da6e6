import { useNav } from '../app/nav-context.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { SearchPanel } from '../search/SearchPanel.tsx';
import { useSearch } from '../search/use-search.ts';
import '../styles/screens.css';

/** 按拼音首字母查找: tap letters, results update with each one. The query lives in the route, so 返回 keeps it. */
export function SearchScreen({ query }: { query: string }) {
  const { t } = useI18n();
  const nav = useNav();
  const search = useSearch(query.toLowerCase());
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
        <SearchPanel
          query={query}
          search={search}
          onQuery={(q) => nav.replace({ screen: 'search', query: q })}
          onPick={(code) => nav.push({ screen: 'guide', code })}
        />
      </div>
    </ScreenFrame>
  );
}
