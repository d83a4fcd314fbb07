import { Injectable } from '@nestjs/common';
import type { HotlineImportReport } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { ChangeRecorder } from '../events/change-recorder.service';
import { fieldError, fileRefused } from './hotline-error';
import { HotlineFileError, kindOf, recordsOf, type UploadedHotlineFile } from './hotline-file';
import { HotlinePlaces } from './hotline-places.service';
import { HotlineReportBuilder } from './hotline-report';
import { checkRow, normaliseRecord, type HotlineOrderInput } from './hotline-row';
import { writeHotlineOrders } from './hotline-writer';

/** Orders written per transaction: a failure loses at most one chunk, which a re-send then fills in. */
export const HOTLINE_CHUNK = 500;

/**
 * Chunks written at the same time, each in its own transaction on its own connection: the next
 * chunk's rows go to the database while the previous one waits on its commit. They never touch
 * the same orders (a file's repeated order numbers are refused before writing).
 */
const CHUNKS_IN_FLIGHT = 2;

/**
 * Streams a 12345 batch file: each record is checked and placed as it is read, valid orders are
 * written HOTLINE_CHUNK at a time, each chunk in its own transaction with its events.
 */
@Injectable()
export class HotlineImportService {
  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly places: HotlinePlaces,
  ) {}

  async import(user: AuthUser, file: UploadedHotlineFile): Promise<HotlineImportReport> {
    const kind = await kindOf(file);
    const locator = await this.places.locatorFor(user.districtId);
    const report = new HotlineReportBuilder();
    // First row of each order number in this file: a second row with it is an error, not an update.
    const seen = new Map<string, number>();
    let chunk: HotlineOrderInput[] = [];
    const writing: Promise<void>[] = [];
    const flush = async () => {
      const orders = chunk;
      chunk = [];
      if (orders.length === 0) return;
      const written = this.recorder
        .run((tx) => writeHotlineOrders(tx, orders, user.id))
        .then((r) => report.written(r));
      // Handled here so a failure is not "unhandled" while it waits its turn; awaiting it rethrows.
      void written.catch(() => undefined);
      writing.push(written);
      // Reading and checking go on while up to CHUNKS_IN_FLIGHT chunks are being written.
      if (writing.length >= CHUNKS_IN_FLIGHT) await writing.shift();
    };
    try {
      for await (const { row, value } of recordsOf(file, kind)) {
        report.read();
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          report.fail(row, null, [fieldError('file', { code: 'not_an_object', params: {} })]);
          continue;
        }
        const result = checkRow(row, normaliseRecord(value as Record<string, unknown>).record, locator);
        if (!result.ok) {
          report.fail(row, result.orderNo, result.errors);
          continue;
        }
        const { order } = result;
        const first = seen.get(order.orderNo);
        if (first !== undefined) {
          report.fail(row, order.orderNo, [
            fieldError('orderNo', { code: 'order_repeated', params: { firstRow: first } }),
          ]);
          continue;
        }
        seen.set(order.orderNo, row);
        chunk.push(order);
        if (chunk.length >= HOTLINE_CHUNK) await flush();
      }
    } catch (err) {
      if (!(err instanceof HotlineFileError)) {
        await Promise.allSettled(writing);
        throw err;
      }
      // Nothing read yet: the file as a whole is refused. Otherwise the rows before stand.
      if (report.total === 0) {
        throw fileRefused(err.coded);
      }
      report.error({ row: report.total + 1, orderNo: null, ...fieldError('file', err.coded) });
    }
    await flush();
    await Promise.all(writing);
    return report.result();
  }
}
