import type { DeviceKind, DeviceStatus } from '../../../contract/api/devices.ts';

/** The kinds in the order the technician page lists them. */
export const DEVICE_KINDS: readonly DeviceKind[] = ['idcard', 'sigpad', 'camera', 'printer', 'face'];

export const KIND_KEYS: Record<DeviceKind, string> = {
  idcard: 'ui.device.kind.idcard',
  sigpad: 'ui.device.kind.sigpad',
  camera: 'ui.device.kind.camera',
  printer: 'ui.device.kind.printer',
  face: 'ui.device.kind.face',
};

export type DeviceState = DeviceStatus['state'];

export const STATE_KEYS: Record<DeviceState, string> = {
  ready: 'ui.device.state.ready',
  busy: 'ui.device.state.busy',
  absent: 'ui.device.state.absent',
  unavailable: 'ui.device.state.unavailable',
  error: 'ui.device.state.error',
};

/** Roles with words: the printer roles, and the window a reader or pad serves; others are shown as named. */
export const ROLE_KEYS: Record<string, string> = {
  receipt: 'ui.device.role.receipt',
  a4: 'ui.device.role.a4',
  photo: 'ui.device.role.photo',
  window: 'ui.device.role.window',
};
