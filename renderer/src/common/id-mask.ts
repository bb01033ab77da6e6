/** 430702********128X: enough to tell people apart at the window, not enough to copy down. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return idNumber;
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}
