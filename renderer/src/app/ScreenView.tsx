import { AttractScreen } from '../screens/AttractScreen.tsx';
import { GuideScreen } from '../screens/GuideScreen.tsx';
import { HomeScreen } from '../screens/HomeScreen.tsx';
import { MatterListScreen } from '../screens/MatterListScreen.tsx';
import { PlaceholderScreen } from '../screens/PlaceholderScreen.tsx';
import { SearchScreen } from '../screens/SearchScreen.tsx';
import { ServicesScreen } from '../screens/ServicesScreen.tsx';
import { TechnicianScreen } from '../screens/TechnicianScreen.tsx';
import type { Route } from './routes.ts';

/** The screen for the top of the navigation stack. */
export function ScreenView({ route }: { route: Route | undefined }) {
  switch (route?.screen) {
    case undefined:
      return <AttractScreen />;
    case 'home':
      return <HomeScreen />;
    case 'services':
      return <ServicesScreen />;
    case 'search':
      return <SearchScreen query={route.query} />;
    case 'list':
      return <MatterListScreen lifeEvent={route.lifeEvent} />;
    case 'guide':
      return <GuideScreen code={route.code} />;
    case 'placeholder':
      return <PlaceholderScreen service={route.service} />;
    case 'technician':
      return <TechnicianScreen />;
  }
}
