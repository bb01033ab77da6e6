// Starts the TypeScript device process from source (development and tests); the app runs a bundled one instead.
import { register } from 'tsx/esm/api';

register();
await import(process.env.DOORSTEP_DEVICE_ENTRY);
