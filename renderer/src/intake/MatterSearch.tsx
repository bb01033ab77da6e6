import { useState } from 'react';
import { SearchPanel } from '../search/SearchPanel.tsx';
import { useSearch } from '../search/use-search.ts';

/** The kiosk's catalogue search by pinyin initials, for the clerk: tap letters, tap the matter. */
export function MatterSearch({ onPick }: { onPick(code: string): void }) {
  const [query, setQuery] = useState('');
  const search = useSearch(query.toLowerCase());
  return (
    <div className="search matter-search" data-testid="matter-search">
      <SearchPanel query={query} search={search} onQuery={setQuery} onPick={onPick} />
    </div>
  );
}
