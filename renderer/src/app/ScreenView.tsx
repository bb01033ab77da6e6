import { ApplyScreen } from '../screens/ApplyScreen.tsx';
import { AttractScreen } from '../screens/AttractScreen.tsx';
import { CaseScreen } from '../screens/CaseScreen.tsx';
import { DeskScreen } from '../screens/DeskScreen.tsx';
import { GuideScreen } from '../screens/GuideScreen.tsx';
import { HomeScreen } from '../screens/HomeScreen.tsx';
import { IntakeScreen } from '../screens/IntakeScreen.tsx';
import { MatterListScreen } from '../screens/MatterListScreen.tsx';
import { PhotoScreen } from '../screens/PhotoScreen.tsx';
import { PlaceholderScreen } from '../screens/PlaceholderScreen.tsx';
import { ProgressScreen } from '../screens/ProgressScreen.tsx';
import { SearchScreen } from '../screens/SearchScreen.tsx';
import { ServicesScreen } from '../screens/ServicesScreen.tsx';
import { StaffLoginScreen } from '../screens/StaffLoginScreen.tsx';
import { TechnicianScreen } from '../screens/TechnicianScreen.tsx';
import { RequireStaff } from '../window/RequireStaff.tsx';
import { useNav } from './nav-context.ts';
import type { Route } from './routes.ts';

/** The window's entry: the sign-in, which opens the desk in its place. */
function WindowEntry() {
  const nav = useNav();
  return <StaffLoginScreen onSignedIn={() => nav.replace({ screen: 'desk', view: 'today' })} />;
}

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
    case 'photo':
      return <PhotoScreen spec={route.spec} background={route.background} />;
    case 'technician':
      return (
        <RequireStaff door="technician">
          <TechnicianScreen />
        </RequireStaff>
      );
    case 'apply':
      return <ApplyScreen code={route.code} />;
    case 'progress':
      return <ProgressScreen />;
    case 'window':
      return <WindowEntry />;
    case 'desk':
      return (
        <RequireStaff>
          <DeskScreen view={route.view} />
        </RequireStaff>
      );
    case 'case':
      return (
        <RequireStaff>
          <CaseScreen caseNo={route.caseNo} />
        </RequireStaff>
      );
    case 'intake':
      return (
        <RequireStaff>
          <IntakeScreen />
        </RequireStaff>
      );
  }
}
