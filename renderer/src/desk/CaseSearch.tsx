import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { KeyboardSheet } from '../keys/KeyboardSheet.tsx';

/** The most caseFind accepts. */
const MAX_QUERY = 60;

/**
 * 查找: an ID number (digits and X), a case number, or a full name (pinyin keys), typed on the screen; the desk
 * shows what it finds until 清除查找.
 */
export function CaseSearch({ query, onQuery }: { query: string | null; onQuery(query: string | null): void }) {
  const { t } = useI18n();
  const [typing, setTyping] = useState(false);
  return (
    <div className="case-search">
      <button type="button" className="case-search__box" data-testid="desk-search" onClick={() => setTyping(true)}>
        <span className="case-search__label">{t('ui.desk.search')}</span>
        <span className="case-search__query" data-testid="desk-search-query">
          {query ?? t('ui.desk.search.hint')}
        </span>
      </button>
      {query !== null && (
        <button type="button" className="case-search__clear" data-testid="desk-search-clear" onClick={() => onQuery(null)}>
          {t('ui.desk.search.clear')}
        </button>
      )}
      {typing && (
        <KeyboardSheet
          title={t('ui.desk.search.title')}
          hint={t('ui.desk.search.sheetHint')}
          initial={query ?? ''}
          maxLength={MAX_QUERY}
          kinds={['alnum', 'hanzi']}
          onCancel={() => setTyping(false)}
          onDone={(value) => {
            setTyping(false);
            const q = value.trim();
            onQuery(q === '' ? null : q);
          }}
        />
      )}
    </div>
  );
}
