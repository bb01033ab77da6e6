/** What a signature pad driver needs from a device, so node-hid and the simulator are interchangeable. */

export interface DeviceInfo {
  vendorId: number;
  productId: number;
  product?: string;
  manufacturer?: string;
  /** OS path of the HID interface (e.g. /dev/hidraw3); the simulator's own name. */
  path: string;
  usagePage?: number;
  usage?: number;
}

export interface TransportEvents {
  /** One input report, report id first when the device numbers its reports; `t` is arrival time, ms. */
  data: (report: Uint8Array, t: number) => void;
  /** The device stopped working but is still there. The transport is closed afterwards. */
  error: (error: Error) => void;
  /** The device went away. The transport is closed afterwards; open() looks for a device again. */
  detach: () => void;
}

export interface SigpadTransport {
  /**
   * Finds a pad (fresh enumeration each time, so a re-plugged pad is found) and opens it. Rejects with
   * SigpadUnavailableError, SigpadAbsentError or SigpadOpenFailedError.
   */
  open(): Promise<DeviceInfo>;
  close(): Promise<void>;
  getFeatureReport(reportId: number, length: number): Promise<Uint8Array>;
  sendFeatureReport(data: Uint8Array): Promise<void>;
  /** The HID report descriptor, when the platform can give it. */
  reportDescriptor(): Promise<Uint8Array | null>;
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void;
}
