/**
 * Simulated ID card reader as a process, on the far end of a pty pair:
 *
 *   socat -d -d pty,raw,echo=0,link=/tmp/A pty,raw,echo=0,link=/tmp/B &
 *   node --import tsx native/idcard/simulator/main.ts --port /tmp/B [--profile li-yangben] [--faults slow=300]
 *                                                     [--baud 115200] [--sam-id 05.01-…] [--trace]
 *
 * The station (or a test) reads from /tmp/A. Control it with JSON lines on stdin (see control.ts); it exits when
 * stdin closes, so it never outlives whoever started it.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { SerialTransport } from '../serial-transport.ts';
import { handleControlLine, statusOf } from './control.ts';
import { parseFaults } from './faults.ts';
import { loadProfiles } from './profiles.ts';
import { SamSimulator } from './simulator.ts';

const USAGE =
  'usage: main.ts --port PATH [--profile NAME] [--faults SPEC|JSON] [--baud N] [--sam-id ID] [--trace]\n';

function emit(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** The pty may be a moment behind (socat just restarted), so opening is retried for a while. */
async function openPort(path: string, timeoutMs = 5000): Promise<SerialTransport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await SerialTransport.open(path);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      profile: { type: 'string' },
      faults: { type: 'string' },
      baud: { type: 'string' },
      'sam-id': { type: 'string' },
      trace: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.port) {
    process.stderr.write(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const path = values.port;
  const baud = values.baud === undefined ? 115200 : Number(values.baud);
  if (!Number.isInteger(baud) || baud < 0) {
    process.stderr.write(`--baud must be a whole number of bits per second (0 = unpaced)\n${USAGE}`);
    process.exit(2);
  }
  const sim = new SamSimulator({
    profiles: loadProfiles(),
    baud,
    ...(values['sam-id'] ? { samId: values['sam-id'] } : {}),
    ...(values.faults ? { faults: parseFaults(values.faults) } : {}),
  });
  if (values.profile) sim.place(values.profile);

  sim.on('unplugged', (info) => emit({ event: 'unplugged', ...info }));
  sim.on('disconnected', () => emit({ event: 'disconnected' }));
  sim.on('removed', () => emit({ event: 'removed' }));
  if (values.trace) sim.on('request', (step) => emit({ event: 'request', step }));

  sim.attach(await openPort(path));
  emit({ event: 'ready', port: path, pid: process.pid, profiles: sim.profileIds(), status: statusOf(sim) });

  let quitting = false;
  const host = {
    sim,
    replug: async () => {
      await sim.unplug();
      sim.attach(await openPort(path));
    },
    quit: async () => {
      quitting = true;
      await sim.unplug();
    },
  };
  const lines = createInterface({ input: process.stdin });
  let queue = Promise.resolve();
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    queue = queue.then(async () => {
      emit(await handleControlLine(host, line));
      if (quitting) process.exit(0);
    });
  });
  lines.on('close', () => {
    void queue.then(async () => {
      await sim.unplug();
      process.exit(0);
    });
  });
}

main().catch((error: unknown) => {
  emit({ event: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
