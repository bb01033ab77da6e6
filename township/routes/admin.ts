import { z } from 'zod';
import { HolidayCalendar } from '../../contract/domain/calendar/holiday-calendar.ts';
import { Catalog } from '../../contract/domain/catalog.ts';
import {
  BlacklistAddRequest,
  BlacklistRemoveRequest,
  BlacklistResponse,
  CaseActionRequest,
  CaseActionResponse,
  CaseParams,
  CaseViewSchema,
  CreateCodeRequest,
  CreateCodeResponse,
  PublishResponse,
  StationParams,
  StationView,
} from '../admin/admin-schemas.ts';
import { blacklistAdd, blacklistRemove } from '../admin/blacklist.ts';
import { publish } from '../admin/publish.ts';
import { applyTownshipAction, getCase } from '../cases/case-actions.ts';
import type { Deps } from '../http/deps.ts';
import { route, type RouteDef } from '../http/route.ts';
import { createEnrolmentCode, listStations, revokeStation } from '../stations.ts';

/** A catalogue with every guide is far larger than a sync body. */
const MAX_PUBLISH_BYTES = 16 << 20;
const JSON_BODY = { bodyLimit: 1 << 20, errors: [400, 413, 415] };

export const adminRoutes = (deps: Deps): RouteDef[] => [
  route({
    method: 'POST',
    url: '/v1/admin/enrolment-codes',
    operationId: 'adminCreateEnrolmentCode',
    summary: 'A one-time enrolment code for a village and grid (valid 7 days); with stationId, it re-keys that station.',
    auth: 'admin',
    body: CreateCodeRequest,
    response: CreateCodeResponse,
    ...JSON_BODY,
    errors: [400, 404, 413, 415],
    handler: ({ body }) => createEnrolmentCode(deps.store, body, deps.now()),
  }),
  route({
    method: 'GET',
    url: '/v1/admin/stations',
    operationId: 'adminListStations',
    summary: 'Every enrolled station, with when it was last seen and whether it is revoked.',
    auth: 'admin',
    response: z.array(StationView),
    errors: [],
    handler: () => listStations(deps.store, deps.now()),
  }),
  route({
    method: 'POST',
    url: '/v1/admin/stations/:stationId/revoke',
    operationId: 'adminRevokeStation',
    summary: 'Revokes a station: from now on its requests are refused with sync.revoked.',
    auth: 'admin',
    params: StationParams,
    response: StationView,
    errors: [400, 404],
    handler: ({ params }) => revokeStation(deps.store, params.stationId, deps.now()),
  }),
  route({
    method: 'GET',
    url: '/v1/admin/cases/:caseNo',
    operationId: 'adminGetCase',
    summary: "A case's state at the township and its whole history, station and township events.",
    auth: 'admin',
    params: CaseParams,
    response: CaseViewSchema,
    errors: [400, 404],
    handler: ({ params }) => getCase(deps.store, params.caseNo),
  }),
  route({
    method: 'POST',
    url: '/v1/admin/cases/:caseNo/actions',
    operationId: 'adminCaseAction',
    summary: 'A township step on a case (review, notice, requestSupplement, approve, reject, resultReady, post); sent to its station.',
    auth: 'admin',
    params: CaseParams,
    body: CaseActionRequest,
    response: CaseActionResponse,
    ...JSON_BODY,
    errors: [400, 404, 409, 413, 415],
    handler: ({ params, body }) => applyTownshipAction(deps.store, params.caseNo, body, deps.now()),
  }),
  route({
    method: 'POST',
    url: '/v1/admin/blacklist',
    operationId: 'adminBlacklistAdd',
    summary: 'Puts an ID number on the integrity blacklist (or changes its reason); sent to every station.',
    auth: 'admin',
    body: BlacklistAddRequest,
    response: BlacklistResponse,
    ...JSON_BODY,
    handler: ({ body }) => blacklistAdd(deps.store, body.idNumber, body.reason, deps.now()),
  }),
  route({
    method: 'POST',
    url: '/v1/admin/blacklist/remove',
    operationId: 'adminBlacklistRemove',
    summary: 'Takes an ID number off the blacklist; sent to every station. The ID number is in the body, never in a URL that logs keep.',
    auth: 'admin',
    body: BlacklistRemoveRequest,
    response: BlacklistResponse,
    bodyLimit: JSON_BODY.bodyLimit,
    errors: [...JSON_BODY.errors, 404],
    handler: ({ body }) => blacklistRemove(deps.store, body.idNumber, deps.now()),
  }),
  route({
    method: 'POST',
    url: '/v1/admin/catalog',
    operationId: 'adminPublishCatalog',
    summary: 'Publishes a catalogue version (newer than the last) to every station.',
    auth: 'admin',
    body: Catalog,
    bodyLimit: MAX_PUBLISH_BYTES,
    response: PublishResponse,
    errors: [400, 409, 413, 415],
    handler: ({ body }) => publish(deps.store, 'catalog', body, deps.now()),
  }),
  route({
    method: 'POST',
    url: '/v1/admin/calendar',
    operationId: 'adminPublishCalendar',
    summary: 'Publishes a holiday-calendar version (newer than the last) to every station.',
    auth: 'admin',
    body: HolidayCalendar,
    bodyLimit: MAX_PUBLISH_BYTES,
    response: PublishResponse,
    errors: [400, 409, 413, 415],
    handler: ({ body }) => publish(deps.store, 'calendar', body, deps.now()),
  }),
];
