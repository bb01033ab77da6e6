/**
 * Serial ports the technician can pick the reader from. SerialPort.list() spawns `udevadm` on Linux and can take
 * the process down when it is missing, so it is only called when udevadm is on PATH; otherwise the usual device
 * nodes are listed from /dev.
 */
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { SerialPort } from 'serialport';

export interface SerialPortEntry {
  path: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
}

export function findExecutable(name: string, searchPath: string = process.env['PATH'] ?? ''): string | null {
  for (const dir of searchPath.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

function devNodes(dev: string): SerialPortEntry[] {
  let names: string[];
  try {
    names = readdirSync(dev);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^tty(USB|ACM|S|AMA|WCH|XRUSB)\d+$/.test(name))
    .sort()
    .map((name) => ({ path: join(dev, name) }));
}

export async function listSerialPorts(
  options: { platform?: NodeJS.Platform; searchPath?: string; dev?: string } = {},
): Promise<SerialPortEntry[]> {
  const platform = options.platform ?? process.platform;
  if (platform === 'linux' && findExecutable('udevadm', options.searchPath) === null) {
    return devNodes(options.dev ?? '/dev');
  }
  try {
    const ports = await SerialPort.list();
    return ports.map((p) => ({
      path: p.path,
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.vendorId ? { vendorId: p.vendorId } : {}),
      ...(p.productId ? { productId: p.productId } : {}),
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
    }));
  } catch {
    return platform === 'linux' ? devNodes(options.dev ?? '/dev') : [];
  }
}
