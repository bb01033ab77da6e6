import { useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../../contract/api/api.ts';
import type { Locale } from '../../../contract/domain/messages.ts';
import { setStationNow } from '../common/station-clock.ts';
import { createI18n } from '../i18n/create-i18n.ts';
import { I18nContext } from '../i18n/i18n-context.ts';
import { IdleWarning } from '../idle/IdleWarning.tsx';
import { useIdleTimeout } from '../idle/use-idle-timeout.ts';
import { stopSpeaking } from '../speech/speak.ts';
import { StaffContext } from '../staff/staff-context.ts';
import { useStaffAuth } from '../staff/use-staff-auth.ts';
import { useClient } from '../station/client-context.ts';
import { LeaveConfirm } from './LeaveConfirm.tsx';
import { NavContext } from './nav-context.ts';
import { STAFF_SCREENS, VISIT_SCREENS } from './routes.ts';
import { ScreenView } from './ScreenView.tsx';
import { useNavigation } from './use-navigation.ts';

export function App() {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [locale, setLocale] = useState<Locale>('zh-CN');
  // Bumped when the township publishes a new catalogue, so the open screen reloads what it shows.
  const [catalogVersion, setCatalogVersion] = useState('');
  const { stack, nav, reset, leaving, confirmLeave, cancelLeave } = useNavigation();
  const route = stack.at(-1);
  const staff = useStaffAuth(client);
  const atStaffScreen = stack.some((r) => STAFF_SCREENS.has(r.screen));
  const inVisit = stack.some((r) => VISIT_SCREENS.has(r.screen));

  useEffect(() => {
    client.appInfo({}).then(
      (i) => {
        setStationNow(i.now);
        setInfo(i);
        setLocale(i.defaultLocale);
      },
      // Without appInfo the kiosk still browses; it only lacks the idle timeout and the default locale.
      () => undefined,
    );
    return client.on('catalogUpdated', ({ version }) => setCatalogVersion(version));
  }, [client]);

  // Back at rest, the kiosk looks again whether it has room to take anything in.
  const [storageFull, setStorageFull] = useState(false);
  const atRest = route === undefined;
  useEffect(() => {
    if (!atRest) return;
    client.appInfo({}).then(
      (i) => setStorageFull(i.storageFull),
      () => undefined,
    );
  }, [client, atRest]);

  // A new screen never keeps reading the previous one aloud.
  useEffect(() => stopSpeaking, [route]);

  // Leaving the staff screens (首页, 返回 past the desk or the device page) signs out: the next person is not them.
  const signedIn = staff.current !== null;
  useEffect(() => {
    if (signedIn && !atStaffScreen) staff.signOut();
  }, [signedIn, atStaffScreen, staff]);

  // Leaving the kiosk's own application and 查进度 ends the villager's visit: the card read is theirs alone.
  useEffect(() => {
    if (inVisit) return;
    client.kioskVisitEnd({}).catch(() => undefined);
    client.setVisit(null);
  }, [client, inVisit]);

  // Every screen unmounts, and with it whatever it held about a person (card, answers, pages, signatures).
  const { resetAt } = useIdleTimeout(info?.idleTimeoutSec ?? null, route !== undefined, () => {
    reset();
    staff.signOut();
    setLocale(info?.defaultLocale ?? 'zh-CN');
  });

  const i18n = useMemo(() => createI18n(locale, setLocale, atStaffScreen ? 'staff' : 'villager'), [locale, atStaffScreen]);
  // A flow under way keeps its answers when the catalogue changes; the core checks them against the new one.
  const inFlow = route?.screen === 'intake' || route?.screen === 'apply';
  const reload = inFlow ? '' : catalogVersion;
  return (
    <I18nContext value={i18n}>
      <NavContext value={nav}>
        <StaffContext value={staff}>
          {storageFull && !atStaffScreen && (
            <p className="storage-notice" role="alert" data-testid="storage-notice">
              {i18n.t('ui.storage.full')}
            </p>
          )}
          <ScreenView key={`${stack.length}:${route?.screen ?? 'attract'}:${reload}`} route={route} />
          {leaving !== null && resetAt === null && <LeaveConfirm onStay={cancelLeave} onLeave={confirmLeave} />}
          {resetAt !== null && <IdleWarning resetAt={resetAt} />}
        </StaffContext>
      </NavContext>
    </I18nContext>
  );
}
