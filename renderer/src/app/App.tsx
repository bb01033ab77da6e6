import { useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../../electron/contract/api.ts';
import type { Locale } from '../../../electron/contract/messages.ts';
import { createI18n } from '../i18n/create-i18n.ts';
import { I18nContext } from '../i18n/i18n-context.ts';
import { useIdleTimeout } from '../idle/use-idle-timeout.ts';
import { stopSpeaking } from '../speech/speak.ts';
import { useClient } from '../station/client-context.ts';
import { NavContext } from './nav-context.ts';
import { ScreenView } from './ScreenView.tsx';
import { useNavigation } from './use-navigation.ts';

export function App() {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [locale, setLocale] = useState<Locale>('zh-CN');
  // Bumped when the township publishes a new catalogue, so the open screen reloads what it shows.
  const [catalogVersion, setCatalogVersion] = useState('');
  const { stack, nav, reset } = useNavigation();
  const route = stack.at(-1);

  useEffect(() => {
    client.appInfo({}).then(
      (i) => {
        setInfo(i);
        setLocale(i.defaultLocale);
      },
      // Without appInfo the kiosk still browses; it only lacks the idle timeout and the default locale.
      () => undefined,
    );
    return client.on('catalogUpdated', ({ version }) => setCatalogVersion(version));
  }, [client]);

  // A new screen never keeps reading the previous one aloud.
  useEffect(() => stopSpeaking, [route]);

  useIdleTimeout(info?.idleTimeoutSec ?? null, route !== undefined, () => {
    reset();
    setLocale(info?.defaultLocale ?? 'zh-CN');
  });

  const i18n = useMemo(() => createI18n(locale, setLocale), [locale]);
  return (
    <I18nContext value={i18n}>
      <NavContext value={nav}>
        <ScreenView key={`${stack.length}:${route?.screen ?? 'attract'}:${catalogVersion}`} route={route} />
      </NavContext>
    </I18nContext>
  );
}
