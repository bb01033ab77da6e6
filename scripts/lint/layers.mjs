// The import rules of docs/architecture.md ("Layers"), as data: which of our folders each layer may import, whether it
// may use Node built-ins or Electron, and which third-party packages it may use. Only the shell touches Electron; the
// renderer reaches the core only through the contract. tests/ and scripts/ are outside the layers.
export const layers = [
  { name: 'domain', dir: 'contract/domain/', may: ['domain', 'assets'], node: false, electron: false },
  { name: 'api', dir: 'contract/api/', may: ['api', 'domain'], node: false, electron: false },
  { name: 'db', dir: 'db/', may: ['db', 'domain'], node: true, electron: false },
  { name: 'native', dir: 'native/', may: ['native', 'api', 'domain'], node: true, electron: false },
  { name: 'core', dir: 'electron/core/', may: ['core', 'db', 'native', 'api', 'domain'], node: true, electron: false },
  { name: 'transport', dir: 'electron/transport/', may: ['transport', 'core', 'api', 'domain'], node: true, electron: false },
  { name: 'cli', dir: 'electron/cli/', may: ['cli', 'transport', 'core', 'native', 'api', 'domain'], node: true, electron: false },
  { name: 'shell', dir: 'electron/shell/', may: ['shell', 'transport', 'core', 'api', 'domain'], node: true, electron: true },
  { name: 'renderer', dir: 'renderer/', may: ['renderer', 'api', 'domain', 'assets'], node: false, electron: false },
  { name: 'township', dir: 'township/', may: ['township', 'api', 'domain'], node: true, electron: false },
  { name: 'assets', dir: 'assets/', may: [], node: false, electron: false },
];

/**
 * Every third-party package a layer may import, and which layers those are. A package not listed here is an
 * error anywhere in the layers: adding a dependency means saying where it may be used.
 */
export const packages = {
  zod: ['domain', 'api', 'db', 'native', 'core', 'transport', 'cli', 'shell', 'township'],
  'lunar-javascript': ['domain'],
  'better-sqlite3': ['db', 'township'],
  'node-hid': ['native'],
  serialport: ['native'],
  sharp: ['native', 'core'],
  koffi: ['native'],
  'onnxruntime-node': ['native'],
  'pdf-lib': ['native', 'core'],
  '@pdf-lib/fontkit': ['native', 'core'],
  qrcode: ['core', 'renderer'],
  'pinyin-pro': ['core', 'renderer'],
  tsx: ['native'],
  fastify: ['township'],
  pg: ['township'],
  electron: ['shell'],
  react: ['renderer'],
  'react-dom': ['renderer'],
};

/**
 * A layer's nested folders are its own: another layer imports only the files at the top of an area
 * (`native/printer/types.ts`, not `native/idcard/simulator/profiles.ts`). The contract's areas are one level
 * further in (`contract/domain/calendar/working-calendar.ts`).
 */
export const maxDepthFromLayer = 2;

/**
 * The only folders that hold SQL: the station's data layer and the township's store. Everything else calls their
 * methods. Tests may read a database directly, to prove what is (not) stored in it.
 */
export const sqlOwners = ['db/', 'township/store/'];
