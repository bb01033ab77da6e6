// `npm start`: build, then launch the Electron app; where Electron's binary is missing, say so in one line and
// run web mode (`station serve`) instead, whose URL any Chromium in --kiosk mode can show.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './lib/electron-binary.mjs';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

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
