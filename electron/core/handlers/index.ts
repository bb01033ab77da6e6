import type { Handlers } from '../dispatch.ts';
import { appHandlers } from './app.ts';
import { caseHandlers } from './cases.ts';
import { catalogHandlers } from './catalog.ts';
import { deviceHandlers } from './devices.ts';
import { documentHandlers } from './documents.ts';
import { faceHandlers } from './face.ts';
import { photoHandlers } from './photo.ts';
import type { Core } from './handler-kit.ts';
import { staffHandlers } from './staff.ts';
import { syncHandlers } from './sync.ts';

/** The contract's implementation, by domain; each handler a thin call into one service. */
export function createHandlers(core: Core): Handlers {
  return {
    ...appHandlers(core),
    ...catalogHandlers(core),
    ...deviceHandlers(core),
    ...staffHandlers(core),
    ...caseHandlers(core),
    ...documentHandlers(core),
    ...faceHandlers(core),
    ...photoHandlers(core),
    ...syncHandlers(core),
  };
}
