import { join } from 'node:path';
import { appRoot } from '../../native/app-paths.ts';

export { appRoot, assetPath } from '../../native/app-paths.ts';

export const migrationsDir = (): string => join(appRoot(), 'db', 'migrations');
export const rendererDistDir = (): string => join(appRoot(), 'dist', 'renderer');
