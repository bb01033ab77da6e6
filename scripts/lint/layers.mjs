// The import rules of DESIGN.md §3, as data: which of our folders each layer may import, and whether it may use
// Node built-ins or Electron. Only the shell touches Electron; the renderer reaches the core only through the contract.
export const layers = [
  { name: 'contract', dir: 'electron/contract/', may: ['contract', 'assets'], node: false, electron: false },
  { name: 'db', dir: 'db/', may: ['db', 'contract'], node: true, electron: false },
  { name: 'native', dir: 'native/', may: ['native', 'contract'], node: true, electron: false },
  { name: 'core', dir: 'electron/core/', may: ['core', 'db', 'native', 'contract'], node: true, electron: false },
  { name: 'transport', dir: 'electron/transport/', may: ['transport', 'core', 'contract'], node: true, electron: false },
  { name: 'cli', dir: 'electron/cli/', may: ['cli', 'transport', 'core', 'db', 'native', 'contract'], node: true, electron: false },
  { name: 'shell', dir: 'electron/shell/', may: ['shell', 'transport', 'core', 'contract'], node: true, electron: true },
  { name: 'renderer', dir: 'renderer/', may: ['renderer', 'contract', 'assets'], node: false, electron: false },
  { name: 'township', dir: 'township/', may: ['township', 'contract'], node: true, electron: false },
  { name: 'assets', dir: 'assets/', may: [], node: false, electron: false },
];

/** Packages that are the UI's alone: nothing below the renderer may pull them in. */
export const uiPackages = ['react', 'react-dom', 'react/jsx-runtime'];
