import { useNav } from '../app/nav-context.ts';
import type { PlaceholderService, Route } from '../app/routes.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import '../styles/screens.css';

interface Tile {
  id: 'apply' | 'progress' | 'photo' | PlaceholderService;
  route: Route;
}

const TILES: Tile[] = [
  { id: 'apply', route: { screen: 'services' } },
  { id: 'progress', route: { screen: 'progress' } },
  { id: 'photo', route: { screen: 'photo' } },
  { id: 'rating', route: { screen: 'placeholder', service: 'rating' } },
  { id: 'agent', route: { screen: 'placeholder', service: 'agent' } },
];

export const TILE_LABELS: Record<Tile['id'], string> = {
  apply: 'ui.home.tile.apply',
  progress: 'ui.home.tile.progress',
  photo: 'ui.home.tile.photo',
  rating: 'ui.home.tile.rating',
  agent: 'ui.home.tile.agent',
};

export function HomeScreen() {
  const { t } = useI18n();
  const nav = useNav();
  return (
    <ScreenFrame
      screen="home"
      title={t('ui.home.title')}
      speech={{ text: t('ui.prompt.home'), promptKey: 'ui.prompt.home' }}
    >
      <div className="home-tiles">
        {TILES.map((tile) => (
          <button
            key={tile.id}
            type="button"
            className={`tile tile--${tile.id}`}
            data-testid={`tile-${tile.id}`}
            onClick={() => nav.push(tile.route)}
          >
            {t(TILE_LABELS[tile.id])}
          </button>
        ))}
      </div>
    </ScreenFrame>
  );
}
