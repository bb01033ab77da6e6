import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './harness/station.ts';

// No browser here: the static side of what the kiosk shows — every message key the screens use exists, and every
// screen's recorded prompt is on disk. A missing key would put a raw key like "ui.print.done" on the screen.

function table(locale: string): Record<string, string> {
  const dir = join(REPO, 'assets', 'messages', locale);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const usedKeys = [
  ...new Set(
    sources(join(REPO, 'renderer', 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'((?:ui|guide)\.[\w.-]+)'/g)].map((m) => m[1]!),
    ),
  ),
].sort();

describe('kiosk messages and prompts', () => {
  const zh = table('zh-CN');
  const en = table('en');

  it('has every key the screens use, in Chinese and in English', () => {
    expect(usedKeys.length).toBeGreaterThan(40);
    expect(usedKeys.filter((k) => !(k in zh))).toEqual([]);
    expect(usedKeys.filter((k) => !(k in en))).toEqual([]);
  });

  it('writes placeholders as the contract fills them, {name}', () => {
    // translate() in contract/domain/messages.ts fills {name}; a {{name}} template would show "{value}".
    expect(usedKeys.filter((k) => zh[k]!.includes('{{') || en[k]!.includes('{{'))).toEqual([]);
  });

  it('keeps the English ui.json key for key with the Chinese one', () => {
    const ui = (locale: string) =>
      Object.keys(JSON.parse(readFileSync(join(REPO, 'assets', 'messages', locale, 'ui.json'), 'utf8'))).sort();
    expect(ui('en')).toEqual(ui('zh-CN'));
  });

  it('has a recorded prompt for every screen', () => {
    const prompts = JSON.parse(readFileSync(join(REPO, 'assets', 'audio', 'prompts.json'), 'utf8')) as string[];
    const screens = ['attract', 'home', 'services', 'search', 'list', 'guide', 'placeholder', 'apply', 'progress', 'window', 'photo'];
    // Beside the screens, what speaks by itself: 打印照片's steps, the idle warning, the question before leaving.
    expect(prompts).toEqual([...screens.map((s) => `ui.prompt.${s}`), 'ui.prompt.photo.made', 'ui.photo.prompt.stand', 'ui.idle.warning', 'ui.leave.question']);
    for (const key of prompts) {
      expect(zh[key], key).toBeTypeOf('string');
      expect(existsSync(join(REPO, 'assets', 'audio', `${key}.wav`)), `${key}.wav`).toBe(true);
    }
  });
});
