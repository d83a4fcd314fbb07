import { blobText } from './blob';

export interface CapturedDownload {
  fileName: string;
  blob: Blob;
}

/**
 * Catches what a page hands the browser as a download (lib/export/download.ts: an object URL
 * and a clicked link), for a page test that cannot pass ExportButtons its own `deliver`.
 * Undo the link spy with jest.restoreAllMocks() after the test.
 */
export function captureDownloads(): CapturedDownload[] {
  const files: CapturedDownload[] = [];
  const blobs = new Map<string, Blob>();
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:download-${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => undefined,
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (this.download && blob) files.push({ fileName: this.download, blob });
  });
  return files;
}

/** A captured CSV's lines, without the byte-order mark. */
export async function csvLines(download: CapturedDownload): Promise<string[]> {
  const text = await blobText(download.blob);
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
}
