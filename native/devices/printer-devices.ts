import type { DeviceStatus } from '../../contract/api/devices.ts';
import { createCupsPrinters } from '../printer/index.ts';
import type { PrinterRole } from '../../contract/domain/printer-roles.ts';
import type { PrintRequest, PrintResult, Printers, QueueInfo, RoleQueues } from '../printer/types.ts';
import { errorRecord, type ErrorRecord } from './error-record.ts';

function queueState(q: QueueInfo): DeviceStatus['state'] {
  if (q.state === 'stopped' || !q.accepting) return 'error';
  return q.state === 'printing' ? 'busy' : 'ready';
}

/** Every print queue as a device, with the roles it plays and how its last job went. */
export class PrinterDevices {
  readonly printers: Printers;
  private queues: QueueInfo[] = [];
  private unavailable: ErrorRecord | null = null;
  private readonly lastErrors = new Map<string, ErrorRecord>();

  /** Always CUPS: a real print system exists wherever the station runs (cups-pdf in tests), so it is never faked. */
  constructor(options: { roles: RoleQueues }) {
    this.printers = createCupsPrinters({ roles: options.roles });
  }

  async discover(): Promise<void> {
    try {
      this.queues = await this.printers.queues();
      this.unavailable = null;
    } catch (error) {
      this.queues = [];
      this.unavailable = errorRecord(error);
    }
  }

  statuses(): DeviceStatus[] {
    if (this.unavailable) {
      return [
        {
          id: 'printer:system',
          kind: 'printer',
          name: '打印系统',
          state: 'unavailable',
          simulated: false,
          roles: [],
          detail: null,
          lastError: this.unavailable,
        },
      ];
    }
    return this.queues.map((q) => ({
      id: `printer:${q.name}`,
      kind: 'printer',
      name: q.name,
      state: queueState(q),
      simulated: false,
      roles: q.roles,
      detail: q.message || q.device,
      lastError: this.lastErrors.get(q.name) ?? null,
    }));
  }

  /** Prints and follows the job; a failure is kept as the queue's last error for the technician. */
  async print(request: PrintRequest): Promise<PrintResult> {
    try {
      const result = await this.printers.print(request);
      this.lastErrors.delete(result.queue);
      return result;
    } catch (error) {
      const queue = request.queue ?? (await this.printers.queues()).find((q) => q.roles.includes(request.role))?.name;
      if (queue) this.lastErrors.set(queue, errorRecord(error));
      throw error;
    }
  }

  async printTestPage(role: PrinterRole): Promise<PrintResult> {
    return this.printers.printTestPage(role);
  }
}
