import type { PlaceholderService } from '../app/routes.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { TILE_LABELS } from './HomeScreen.tsx';
import '../styles/screens.css';

/** A home tile whose service is not built yet: say so plainly and send the villager to the window. */
export function PlaceholderScreen({ service }: { service: PlaceholderService }) {
  const { t } = useI18n();
  const title = t(TILE_LABELS[service]);
  return (
    <ScreenFrame
      screen="placeholder"
      title={title}
      speech={{
        text: [title, t('ui.prompt.placeholder')].join(t('ui.speech.separator')),
        promptKey: 'ui.prompt.placeholder',
      }}
    >
      <p className="placeholder__text" data-testid="placeholder-text">
        {t('ui.placeholder.body')}
      </p>
    </ScreenFrame>
  );
}
