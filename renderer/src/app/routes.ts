import type { LifeEventSummary } from '../../../contract/api/api.ts';
import type { PhotoBackground } from '../../../contract/domain/photo-spec.ts';

/** The home tiles that lead to a "coming soon" screen until their service is built. */
export type PlaceholderService = 'rating' | 'agent';

/** The clerk's desk lists (caseList views). */
import type { DeskView } from '../../../contract/domain/desk-views.ts';

/** One screen and what it needs to show; the navigation stack is a list of these. */
export type Route =
  | { screen: 'home' }
  | { screen: 'services' }
  | { screen: 'search'; query: string }
  | { screen: 'list'; lifeEvent: LifeEventSummary }
  | { screen: 'guide'; code: string }
  | { screen: 'placeholder'; service: PlaceholderService }
  /** 打印照片: a 证件照 at the kiosk, the size and background preselected when a matter's guide asks for one. */
  | { screen: 'photo'; spec?: string; background?: PhotoBackground }
  /** The technician's device page, behind a technician's PIN. */
  | { screen: 'technician' }
  /** A villager applying alone at the kiosk for a self-service matter. */
  | { screen: 'apply'; code: string }
  /** 查进度: the villager's own cases by the card on the reader. */
  | { screen: 'progress' }
  /** The village window: sign-in, then the clerk's desk, a case, a new intake. */
  | { screen: 'window' }
  | { screen: 'desk'; view: DeskView }
  | { screen: 'case'; caseNo: string }
  | { screen: 'intake' };

export type ScreenName = Route['screen'] | 'attract';

/** The kiosk's screens that read a villager's card or hold their photo: leaving all of them ends the visit. */
export const VISIT_SCREENS: ReadonlySet<ScreenName> = new Set<ScreenName>(['apply', 'progress', 'photo']);

/** Screens behind a staff sign-in: leaving all of them ends the session. */
export const STAFF_SCREENS: ReadonlySet<ScreenName> = new Set<ScreenName>(['window', 'desk', 'case', 'intake', 'technician']);
