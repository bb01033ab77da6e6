import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * The folder holding package.json, assets/ and db/migrations: the repo in development and tests, the app's
 * resources in a package. Found by walking up from this module, which also works from a bundle in dist/.
 */
export function appRoot(): string {
  if (root) return root;
  let dir = import.meta.dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'doorstep') {
      root = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the app root above ${import.meta.dirname}`);
    dir = up;
  }
}

/** A file or folder under assets/, wherever the app runs from. */
export const assetPath = (...parts: string[]): string => join(appRoot(), 'assets', ...parts);
