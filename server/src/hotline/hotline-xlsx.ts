import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/** A zip's end-of-central-directory record sits in its last 22 bytes + up to 64 KB of comment. */
const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const EOCD_SEARCH = 22 + 0xffff;

/**
 * Whether the zip (an .xlsx is one) ends with its central directory. A file cut off in transfer
 * does not, and the streaming reader would wait on it for ever rather than fail.
 */
export async function zipIsComplete(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, EOCD_SEARCH);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    return tail.lastIndexOf(EOCD) !== -1;
  } finally {
    await handle.close();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a CSV export would have. Excel dates carry no zone: the reader gives the
 * wall-clock time as UTC, which the hotline means in China time — so it is written back as
 * `YYYY-MM-DD HH:mm:ss`, the local form the CSV path reads as UTC+8.
 */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // Serial days → milliseconds can land a hair before the minute; whole seconds are meant.
    const d = new Date(Math.round(value.getTime() / 1000) * 1000);
    return (
      `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
      `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
    );
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  // An error cell (#N/A, #VALUE!…) holds no value.
  return '';
}

/** What the streaming reader knows of the workbook once it has read `xl/workbook.xml`. */
interface ReaderModel {
  model?: { sheets?: { id?: number }[] };
}

/**
 * The streaming reader can wait for ever on a corrupt zip (its entries' ends are searched for, not
 * looked up): with no byte read and no row parsed for this long while a record is awaited, the
 * file is given up as unreadable.
 */
export const XLSX_STALL_MS = 10_000;

/**
 * The records of the workbook's first worksheet, keyed by its header row (the first row with any
 * value); empty rows are skipped, as in a CSV. Streams the file: a large workbook is never all in
 * memory.
 */
export async function* xlsxRecords(
  path: string,
  stallMs = XLSX_STALL_MS,
): AsyncGenerator<Record<string, string>> {
  const input = createReadStream(path);
  let progressAt = Date.now();
  const progress = () => {
    progressAt = Date.now();
  };
  input.on('data', progress);
  const rows = firstSheetRecords(input, progress);
  try {
    for (;;) {
      // Only time spent reading counts: the caller may take its time between records.
      progress();
      const next = await unlessStalled(rows.next(), () => progressAt, stallMs);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    input.destroy();
    // Lets a reader paused at a record clean up; one that is stuck never answers, so not awaited.
    // (A workbook given up half-read leaves the reader's spooled sheets until the process ends.)
    rows.return(undefined).catch(() => undefined);
  }
}

function unlessStalled<T>(work: Promise<T>, progressAt: () => number, stallMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const watch = setInterval(
      () => {
        if (Date.now() - progressAt() <= stallMs) return;
        clearInterval(watch);
        reject(new Error('the workbook could not be read on (its data is corrupt)'));
      },
      Math.max(10, Math.min(1000, stallMs / 4)),
    );
    work.then(
      (value) => {
        clearInterval(watch);
        resolve(value);
      },
      (err: unknown) => {
        clearInterval(watch);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** Other worksheets are read past, so the reader's spooled temporary files are removed. */
async function* firstSheetRecords(
  input: NodeJS.ReadableStream,
  progress: () => void,
): AsyncGenerator<Record<string, string>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as unknown as import('stream').Stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date cell from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let done = false;
  for await (const sheet of reader) {
    const firstId = (reader as unknown as ReaderModel).model?.sheets?.[0]?.id;
    const isFirst = !done && (firstId === undefined || (sheet as unknown as { id: unknown }).id === firstId);
    let header: string[] | null = null;
    for await (const row of sheet) {
      progress();
      if (!isFirst) continue;
      const cells = (row.values as ExcelJS.CellValue[]).map((v) => cellText(v).trim());
      if (cells.every((c) => c === '')) continue;
      if (!header) {
        header = cells;
        continue;
      }
      const record: Record<string, string> = {};
      header.forEach((name, column) => {
        if (name !== '') record[name] = cells[column] ?? '';
      });
      yield record;
    }
    if (isFirst) done = true;
  }
}
