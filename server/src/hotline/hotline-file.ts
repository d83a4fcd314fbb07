import { parse } from 'csv-parse';
import type { HotlineRowErrorMessage } from '@whistle/shared';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import StreamArray from 'stream-json/streamers/StreamArray';
import { englishOf, fileRefused } from './hotline-error';
import { fieldOfName } from './hotline-vocabulary';
import { xlsxRecords, zipIsComplete } from './hotline-xlsx';

export type HotlineFileKind = 'csv' | 'json' | 'xlsx';

/** An uploaded file as multer hands it over (disk storage). */
export interface UploadedHotlineFile {
  path: string;
  originalname: string;
  mimetype: string;
}

const CSV_TYPES = ['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel'];
const JSON_TYPES = ['application/json', 'text/json'];
const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** An .xlsx is a zip; the Excel 97–2003 format (.xls) an OLE compound file. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function firstBytes(path: string, n: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * CSV, JSON or Excel by the file name's extension, else by its content type; anything else is a
 * 400. The content has the last word: a workbook is read as one whatever its name says, an .xlsx
 * that is no zip is refused, and so is the old .xls format, which only Excel itself reads well.
 */
export async function kindOf(file: UploadedHotlineFile): Promise<HotlineFileKind> {
  const ext = extname(file.originalname).toLowerCase();
  const type = file.mimetype.split(';')[0]?.trim().toLowerCase() ?? '';
  const declared: HotlineFileKind | 'xls' | null =
    ext === '.csv' || (ext === '' && CSV_TYPES.includes(type))
      ? 'csv'
      : ext === '.json' || (ext === '' && JSON_TYPES.includes(type))
        ? 'json'
        : ext === '.xlsx' || (ext === '' && XLSX_TYPES.includes(type))
          ? 'xlsx'
          : ext === '.xls'
            ? 'xls'
            : null;
  if (declared === null) throw fileRefused({ code: 'file_type', params: {} });
  const head = await firstBytes(file.path, OLE_MAGIC.length);
  if (head.equals(OLE_MAGIC)) throw fileRefused({ code: 'xls_format', params: {} });
  if (head.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
    if (!(await zipIsComplete(file.path))) throw fileRefused({ code: 'xlsx_incomplete', params: {} });
    return 'xlsx';
  }
  if (declared === 'xlsx' || declared === 'xls') throw fileRefused({ code: 'xlsx_invalid', params: {} });
  return declared;
}

/** Thrown while reading: the file is not what its kind promises. */
export class HotlineFileError extends Error {
  constructor(readonly coded: HotlineRowErrorMessage) {
    super(englishOf(coded));
  }
}

/** The records of a file of some kind, before any checks. */
function sourceOf(file: UploadedHotlineFile, kind: HotlineFileKind): AsyncIterable<unknown> {
  if (kind === 'xlsx') return xlsxRecords(file.path);
  const source = createReadStream(file.path);
  const parser =
    kind === 'csv'
      ? source.pipe(
          parse({
            bom: true,
            columns: (header: string[]) => header.map((h) => h.trim()),
            relax_column_count: true,
            skip_empty_lines: true,
            trim: true,
          }),
        )
      : source.pipe(StreamArray.withParser());
  source.once('error', (err) => parser.destroy(err));
  // Closing the parser (the loop below ends early) does not close the file it reads.
  parser.once('close', () => source.destroy());
  return kind === 'csv'
    ? (parser as AsyncIterable<unknown>)
    : (async function* () {
        for await (const item of parser as AsyncIterable<{ value: unknown }>) yield item.value;
      })();
}

const UNREADABLE = { csv: 'csv_unreadable', json: 'json_unreadable', xlsx: 'xlsx_unreadable' } as const;

/**
 * The file's records one at a time, never all in memory: CSV rows or the first worksheet's rows
 * keyed by their header (a CSV in UTF-8, a BOM is fine), or the elements of a top-level JSON
 * array. `row` counts records from 1.
 */
export async function* recordsOf(
  file: UploadedHotlineFile,
  kind: HotlineFileKind,
): AsyncGenerator<{ row: number; value: unknown }> {
  let row = 0;
  try {
    for await (const value of sourceOf(file, kind)) {
      row++;
      if (kind !== 'json' && row === 1) checkHeader(value as Record<string, unknown>);
      yield { row, value };
    }
  } catch (err) {
    if (err instanceof HotlineFileError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new HotlineFileError({ code: UNREADABLE[kind], params: { afterRow: row, detail } });
  }
}

/** The header must name the order number column; other unknown columns are ignored. */
function checkHeader(first: Record<string, unknown>): void {
  if (!Object.keys(first).some((n) => fieldOfName(n) === 'orderNo')) {
    throw new HotlineFileError({ code: 'header_without_order_no', params: {} });
  }
}
