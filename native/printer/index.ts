/** The printer device kind (docs/architecture.md, "The device process"): one Printers interface, a CUPS driver and a simulator behind it. */
export {
  createCupsBackend,
  createCupsPrinters,
  spawnRunner,
  type CommandResult,
  type CommandRunner,
  type CupsOptions,
} from './cups.ts';
export { CUPS_INSTALL_LINE, PRINTER_ERROR_CODES, PrinterError, type PrinterErrorCode } from './errors.ts';
export { createPrinters, QueueNameSchema, type PrintersOptions } from './printers.ts';
export { loadRolePapers, mediaSizeMm, parseRolePapers, ROLES_FILE } from './roles.ts';
export {
  createSimulatedPrinters,
  DEFAULT_SIM_QUEUES,
  DEFAULT_SIM_ROLES,
  manualClock,
  PrinterSimulator,
  type SimFault,
  type SimQueueSpec,
  type SimulatedPrint,
  type SimulatedPrintersOptions,
} from './simulator.ts';
export { makeTestPage, type TestPageInfo } from './test-page.ts';
export * from './types.ts';
