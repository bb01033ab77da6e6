import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin.ts';
import { rendererResponse } from './renderer-files.ts';

/** Must run before the app is ready: a standard, secure origin for our pages instead of file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from `app://station/`, with the CSP header, and nothing outside it. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}
