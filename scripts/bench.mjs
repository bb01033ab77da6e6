// `npm run bench [name…]`: prints every benchmark figure the issues name, beside its goal. Never part of the tests.
import { register } from 'tsx/esm/api';

register();
await import('./bench/main.ts');
