import { useState } from 'react';
import { useNav } from '../app/nav-context.ts';
import type { DeskView } from '../../../contract/domain/desk-views.ts';
import { CaseList } from '../desk/CaseList.tsx';
import { CaseSearch } from '../desk/CaseSearch.tsx';
import { DeskTabs } from '../desk/DeskTabs.tsx';
import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { useStaff, useStaffSession } from '../staff/staff-context.ts';
import { ROLE_KEYS } from '../staff/staff-words.ts';
import { useSessionGuard } from '../staff/use-session-guard.ts';
import { useCall } from '../station/use-call.ts';
import { SyncLine } from '../window/SyncLine.tsx';
import '../styles/window.css';

/** The core's page size for caseList: a full page means there may be more. */
const PAGE_SIZE = 20;

/** The clerk's desk: 新建受理, the lists of cases by tab, and 查找 by ID number, case number or name. */
export function DeskScreen({ view }: { view: DeskView }) {
  const { t } = useI18n();
  const nav = useNav();
  const staff = useStaffSession();
  const { signOut } = useStaff();
  const [page, setPage] = useState(0);
  const [query, setQuery] = useState<string | null>(null);
  const cases = useCall(
    (client) =>
      query === null ? client.caseList({ view, page }) : client.caseFind({ query }),
    [staff.session, view, page, query],
  );
  useSessionGuard(cases.status === 'error' ? cases.error : null);

  return (
    <ScreenFrame screen="desk" title={t('ui.desk.title')} speech={{ text: t('ui.prompt.window'), promptKey: 'ui.prompt.window' }}>
      <div className="desk-bar">
        <p className="desk-bar__who" data-testid="desk-who">
          {t('ui.desk.who', { name: staff.name, role: t(ROLE_KEYS[staff.role]) })}
        </p>
        <SyncLine />
        <button type="button" className="wide-button" data-testid="desk-new-intake" onClick={() => nav.push({ screen: 'intake' })}>
          {t('ui.desk.newIntake')}
        </button>
        <button
          type="button"
          className="desk-bar__logout"
          data-testid="desk-logout"
          onClick={() => {
            signOut();
            nav.home();
          }}
        >
          {t('ui.desk.logout')}
        </button>
      </div>
      <CaseSearch
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setPage(0);
        }}
      />
      {query === null ? (
        <DeskTabs
          view={view}
          onView={(v) => {
            setPage(0);
            nav.replace({ screen: 'desk', view: v });
          }}
        />
      ) : (
        <h2 className="section-title" data-testid="desk-found-title">
          {t('ui.desk.found', { query })}
        </h2>
      )}
      <CallStatus state={cases} />
      {cases.status === 'ok' && (
        <ScrollArea>
          <div data-testid="desk-cases" data-view={query === null ? view : 'search'} data-page={page}>
            <CaseList
              cases={cases.value}
              empty={query === null ? undefined : t('ui.desk.found.none')}
              onOpen={(caseNo) => nav.push({ screen: 'case', caseNo })}
            />
            {query === null && (page > 0 || cases.value.length === PAGE_SIZE) && (
              <div className="desk-pages">
                <button type="button" data-testid="desk-page-prev" disabled={page === 0} onClick={() => setPage(page - 1)}>
                  {t('ui.desk.page.prev')}
                </button>
                <span>{t('ui.desk.page', { page: page + 1 })}</span>
                <button
                  type="button"
                  data-testid="desk-page-next"
                  disabled={cases.value.length < PAGE_SIZE}
                  onClick={() => setPage(page + 1)}
                >
                  {t('ui.desk.page.next')}
                </button>
              </div>
            )}
          </div>
        </ScrollArea>
      )}
    </ScreenFrame>
  );
}
