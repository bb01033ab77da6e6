// `npm start`: build, then launch the Electron app; where Electron's binary is missing, say so in one line and
// run web mode (`station serve`) instead, whose URL any Chromium in --kiosk mode can show.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/**
 * The Electron binary if it is installed. Not by require('electron'): that tries to download it on the spot, which
 * fails noisily where GitHub cannot be reached; the package records the binary's path in path.txt once installed.
 */
function electronBinary() {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const run = (cmd, args) => {
  const child = spawn(cmd, args, { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
};

const binary = electronBinary();
if (binary) {
  run(binary, ['.', ...process.argv.slice(2)]);
} else {
  console.log(
    'Electron 的程序文件未安装（node_modules/electron/dist 缺失），改用网页模式。要安装它：在能访问 GitHub 的网络下运行 node node_modules/electron/install.js',
  );
  run(process.execPath, ['scripts/station.mjs', 'serve', ...process.argv.slice(2)]);
}
