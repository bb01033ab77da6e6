import type { DeskView } from '../../../contract/domain/desk-views.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { DESK_VIEWS } from '../../../contract/domain/desk-views.ts';
import { VIEW_KEYS } from './case-words.ts';

/** 今日 / 即将到期 / 已超期 / 容缺待补 / 最近. */
export function DeskTabs({ view, onView }: { view: DeskView | null; onView(view: DeskView): void }) {
  const { t } = useI18n();
  return (
    <div className="desk-tabs" role="tablist">
      {DESK_VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          className="desk-tabs__tab"
          aria-selected={v === view}
          data-testid={`desk-tab-${v}`}
          onClick={() => onView(v)}
        >
          {t(VIEW_KEYS[v])}
        </button>
      ))}
    </div>
  );
}
