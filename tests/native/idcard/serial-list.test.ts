import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findExecutable, listSerialPorts } from '../../../native/idcard/serial-list.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('listSerialPorts', () => {
  it('lists /dev nodes itself when udevadm is missing, instead of letting SerialPort.list() crash', async () => {
    const dev = await mkdtemp(join(tmpdir(), 'idcard-dev-'));
    dirs.push(dev);
    for (const name of ['ttyUSB0', 'ttyACM1', 'tty0', 'null', 'ttyS3']) await writeFile(join(dev, name), '');
    const ports = await listSerialPorts({ platform: 'linux', searchPath: '', dev });
    expect(ports.map((p) => p.path)).toEqual([join(dev, 'ttyACM1'), join(dev, 'ttyS3'), join(dev, 'ttyUSB0')]);
  });

  it('uses SerialPort.list() when udevadm is there', async () => {
    const ports = await listSerialPorts();
    expect(Array.isArray(ports)).toBe(true);
    for (const port of ports) expect(typeof port.path).toBe('string');
  });

  it('finds executables on a PATH', () => {
    expect(findExecutable('sh', '/nonexistent:/usr/bin:/bin')).toMatch(/\/sh$/);
    expect(findExecutable('no-such-tool-here', '/usr/bin')).toBeNull();
  });
});
