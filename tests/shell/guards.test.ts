import { describe, expect, it } from 'vitest';
import { isAppUrl, navigationAllowed, permissionAllowed, permissionCheckAllowed, trustedSender } from '../../electron/shell/guards.ts';

// The URLs as Electron reports them for frames, navigations and permission requests.
const OURS = ['app://station/index.html', 'app://station/', 'app://station/assets/index-abc123.js', 'app://station/index.html#/desk'];
const THEIRS = [
  'app://evil/index.html',
  'app://station.evil.example/index.html',
  'http://127.0.0.1:43117/',
  'https://station/index.html',
  'file:///etc/passwd',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'chrome-error://chromewebdata/',
  'javascript:alert(1)',
  'not a url',
];

describe('the shell guards', () => {
  it('know our pages by scheme and host (Node gives app: URLs the origin "null")', () => {
    expect(new URL('app://station/index.html').origin).toBe('null');
    for (const url of OURS) expect(isAppUrl(url), url).toBe(true);
    for (const url of THEIRS) expect(isAppUrl(url), url).toBe(false);
  });

  it('trust only the top frame of our own window at our own page', () => {
    const good = { frameUrl: 'app://station/index.html', isMainFrame: true, isOurWindow: true };
    expect(trustedSender(good)).toBe(true);
    expect(trustedSender({ ...good, isMainFrame: false })).toBe(false);
    expect(trustedSender({ ...good, isOurWindow: false })).toBe(false);
    expect(trustedSender({ ...good, frameUrl: null })).toBe(false);
    for (const url of THEIRS) expect(trustedSender({ ...good, frameUrl: url }), url).toBe(false);
  });

  it('let a page move only within our own pages', () => {
    for (const url of OURS) expect(navigationAllowed(url), url).toBe(true);
    for (const url of THEIRS) expect(navigationAllowed(url), url).toBe(false);
  });

  it('grant the camera to our page, and nothing else to anyone', () => {
    const page = 'app://station/index.html';
    expect(permissionAllowed({ permission: 'media', mediaTypes: ['video'], requestingUrl: page })).toBe(true);
    expect(permissionAllowed({ permission: 'media', mediaTypes: ['audio'], requestingUrl: page })).toBe(false);
    expect(permissionAllowed({ permission: 'media', mediaTypes: ['video', 'audio'], requestingUrl: page })).toBe(false);
    expect(permissionAllowed({ permission: 'media', mediaTypes: [], requestingUrl: page })).toBe(false);
    expect(permissionAllowed({ permission: 'media', requestingUrl: page })).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'display-capture', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(permissionAllowed({ permission, mediaTypes: ['video'], requestingUrl: page }), permission).toBe(false);
    }
    for (const url of THEIRS) expect(permissionAllowed({ permission: 'media', mediaTypes: ['video'], requestingUrl: url }), url).toBe(false);
    expect(permissionCheckAllowed({ permission: 'media', requestingUrl: 'app://station', mediaType: 'video' })).toBe(true);
    expect(permissionCheckAllowed({ permission: 'media', requestingUrl: 'app://station', mediaType: 'unknown' })).toBe(true);
    expect(permissionCheckAllowed({ permission: 'media', requestingUrl: 'app://station', mediaType: 'audio' })).toBe(false);
    expect(permissionCheckAllowed({ permission: 'media', requestingUrl: 'http://127.0.0.1:1/', mediaType: 'video' })).toBe(false);
    expect(permissionCheckAllowed({ permission: 'serial', requestingUrl: 'app://station' })).toBe(false);
  });
});
