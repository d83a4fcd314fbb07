import { BadRequestException } from '@nestjs/common';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import StreamArray from 'stream-json/streamers/StreamArray';
import { fieldOfName } from './hotline-vocabulary';

export type HotlineFileKind = 'csv' | 'json';

/** An uploaded file as multer hands it over (disk storage). */
export interface UploadedHotlineFile {
  path: string;
  originalname: string;
  mimetype: string;
}

const CSV_TYPES = ['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel'];
const JSON_TYPES = ['application/json', 'text/json'];

/** CSV or JSON by the file name's extension, else by its content type; anything else is a 400. */
export function kindOf(file: UploadedHotlineFile): HotlineFileKind {
  const ext = extname(file.originalname).toLowerCase();
  const type = file.mimetype.split(';')[0]?.trim().toLowerCase() ?? '';
  if (ext === '.csv' || (ext === '' && CSV_TYPES.includes(type))) return 'csv';
  if (ext === '.json' || (ext === '' && JSON_TYPES.includes(type))) return 'json';
  throw new BadRequestException({
    message: 'Invalid request: file must be a CSV (.csv) or JSON (.json) file',
    fields: { file: ['must be a CSV (.csv) or JSON (.json) file'] },
  });
}

/** Thrown while reading: the file is not what its kind promises. */
export class HotlineFileError extends Error {}

/**
 * The file's records one at a time, never all in memory: CSV rows keyed by their header (UTF-8,
 * a BOM is fine), or the elements of a top-level JSON array. `row` counts records from 1.
 */
export async function* recordsOf(
  file: UploadedHotlineFile,
  kind: HotlineFileKind,
): AsyncGenerator<{ row: number; value: unknown }> {
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
  let row = 0;
  try {
    for await (const item of parser as AsyncIterable<unknown>) {
      row++;
      if (kind === 'csv' && row === 1) checkHeader(item as Record<string, unknown>);
      yield { row, value: kind === 'csv' ? item : (item as { value: unknown }).value };
    }
  } catch (err) {
    if (err instanceof HotlineFileError) throw err;
    throw new HotlineFileError(
      kind === 'csv'
        ? `is not valid CSV after row ${row}: ${err instanceof Error ? err.message : String(err)}`
        : `is not a JSON array of orders (after row ${row}): ${err instanceof Error ? err.message : String(err)}`,
    );
  } finally {
    source.destroy();
  }
}

/** The header must name the order number column; other unknown columns are ignored. */
function checkHeader(first: Record<string, unknown>): void {
  if (!Object.keys(first).some((n) => fieldOfName(n) === 'orderNo')) {
    throw new HotlineFileError('has no order number column (orderNo / 工单编号) in its header');
  }
}
