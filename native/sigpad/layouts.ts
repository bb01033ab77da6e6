import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SigpadLayoutError } from './errors.ts';
import { layoutFromDescriptor } from './hid-descriptor.ts';
import type { Capability, Layout } from './layout.ts';
import { parseLayout } from './layout.ts';
import type { DeviceInfo } from './transport.ts';
import { assetPath } from '../app-paths.ts';

/** assets/sigpad in the source tree; a packaged app passes its own resources path. */
export const DEFAULT_LAYOUT_DIR = assetPath('sigpad');

/** Every *.json in the folder except the JSON Schema, validated. */
export async function loadLayouts(dir: string = DEFAULT_LAYOUT_DIR): Promise<Layout[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json')).sort();
  } catch (cause) {
    throw new SigpadLayoutError(dir, cause instanceof Error ? cause.message : String(cause));
  }
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      let json: unknown;
      try {
        json = JSON.parse(await readFile(path, 'utf8'));
      } catch (cause) {
        throw new SigpadLayoutError(name, cause instanceof Error ? cause.message : String(cause));
      }
      return parseLayout(json, name);
    }),
  );
}

/** Whether a layout is for this device: by vendor and product, or by the usage of its top-level collection. */
function layoutMatches(layout: Layout, device: DeviceInfo): boolean {
  const m = layout.match;
  if ('vendorId' in m) return m.vendorId === device.vendorId && m.productIds.includes(device.productId);
  return m.usagePage === device.usagePage && device.usage !== undefined && m.usages.includes(device.usage);
}

/** Vendor/product layouts win over usage-page ones, so a Wacom STU is never read as a generic digitizer. */
export function findLayout(layouts: Layout[], device: DeviceInfo): Layout | undefined {
  return (
    layouts.find((l) => 'vendorId' in l.match && layoutMatches(l, device)) ??
    layouts.find((l) => 'usagePage' in l.match && layoutMatches(l, device))
  );
}

/**
 * The layout to read a device with: its model's file; for a generic digitizer, the layout derived from its report
 * descriptor when there is one, else the generic file.
 */
export function selectLayout(layouts: Layout[], device: DeviceInfo, descriptor: Uint8Array | null): Layout | undefined {
  const layout = findLayout(layouts, device);
  if (layout === undefined || 'vendorId' in layout.match || descriptor === null) return layout;
  return layoutFromDescriptor(descriptor, layout) ?? layout;
}

/** Capability as the layout declares it: the fallback when the device does not answer. */
export function declaredCapability(layout: Layout): Capability {
  const { width, height, maxPressure, unitsPerMm } = layout.capability;
  return unitsPerMm === undefined ? { width, height, maxPressure } : { width, height, maxPressure, unitsPerMm };
}

/** The device to open among those enumerated: a known model first, then any pen digitizer. */
export function pickDevice(layouts: Layout[], devices: DeviceInfo[]): DeviceInfo | undefined {
  return (
    devices.find((d) => layouts.some((l) => 'vendorId' in l.match && layoutMatches(l, d))) ??
    devices.find((d) => layouts.some((l) => 'usagePage' in l.match && layoutMatches(l, d)))
  );
}
