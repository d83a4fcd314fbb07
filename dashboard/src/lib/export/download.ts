import { chinaDate } from '../china-time';

/** Hands a file to the browser as a download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `派单_2026-12-02`: the export's base name and the day it was taken, in China time. */
export function datedFileName(base: string, now: Date = new Date()): string {
  return `${base}_${chinaDate(now)}`;
}
