import type { LifeEventSummary } from '../../../electron/contract/api.ts';

/** The home tiles that lead to a "coming soon" screen until their service is built. */
export type PlaceholderService = 'progress' | 'photo' | 'rating' | 'agent';

/** One screen and what it needs to show; the navigation stack is a list of these. */
export type Route =
  | { screen: 'home' }
  | { screen: 'services' }
  | { screen: 'search'; query: string }
  | { screen: 'list'; lifeEvent: LifeEventSummary }
  | { screen: 'guide'; code: string }
  | { screen: 'placeholder'; service: PlaceholderService }
  /** The technician's device page (a PIN gate comes with staff login). */
  | { screen: 'technician' };

export type ScreenName = Route['screen'] | 'attract';
