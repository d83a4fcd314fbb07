import type { DataSource } from 'typeorm';
import { sleep } from '../lib/clock';

/**
 * Waits until every accept deadline due before the cutoff has fired (or two minutes past it), the
 * outbox has relayed everything, the live-delivery queue holds nothing still to deliver, and no new
 * event appeared for five seconds. Returns the newest id. (Relayed is not delivered: on a loaded
 * machine the delivery worker may still be working through the last events when the outbox is
 * empty, and the screens must not be told to finish before it has.)
 */
export async function drain(
  db: DataSource,
  cutoff: Date,
  say: (text: string) => void,
  undelivered: () => Promise<number>,
): Promise<string> {
  const giveUp = cutoff.getTime() + 120_000;
  for (;;) {
    await sleep(1_000);
    if (Date.now() < cutoff.getTime() + 5_000) continue;
    const [{ unfired }] = await db.query<{ unfired: number }[]>(
      `SELECT count(*)::int AS unfired FROM dispatches d
        WHERE d.accept_by < $1 AND d.accepted_at IS NULL AND 'accept' <> ALL (d.overdue_stages)`,
      [cutoff],
    );
    if (unfired === 0 || Date.now() > giveUp) {
      if (unfired > 0)
        say(`  ${unfired} accept deadlines due before the cutoff have not fired; auditing anyway`);
      break;
    }
  }
  let last = '';
  let quietSince = Date.now();
  for (;;) {
    const [{ newest, unrelayed }] = await db.query<{ newest: string; unrelayed: number }[]>(
      `SELECT coalesce(max(id), 0)::text AS newest, (SELECT count(*) FROM outbox WHERE relayed_at IS NULL)::int AS unrelayed FROM events`,
    );
    if (newest !== last || unrelayed > 0 || (await undelivered()) > 0) {
      last = newest;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= 5_000 || Date.now() > giveUp + 60_000) {
      say(`  quiet at event #${last}`);
      return last;
    }
    await sleep(500);
  }
}
