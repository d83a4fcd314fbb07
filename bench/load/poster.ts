/**
 * A load process sending planned requests open-loop: request i leaves at start + i / rate whether
 * or not the earlier ones have answered, so a slow server shows up as latency, not as a lower rate.
 */
import { nowMs, sleep } from '../lib/clock';
import type { PosterMessage, PosterRun, Sent } from '../lib/protocol';

async function sendOne(
  url: string,
  req: PosterRun['requests'][number],
  sent: Sent[],
): Promise<string | null> {
  const t0 = nowMs();
  try {
    const res = await fetch(`${url}${req.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${req.token}` },
      body: JSON.stringify(req.body),
    });
    const text = await res.text();
    const t1 = nowMs();
    let id = '';
    try {
      const parsed = (JSON.parse(text) as { id?: unknown }).id;
      id = typeof parsed === 'string' ? parsed : '';
    } catch {
      // not JSON: counted by its status
    }
    sent.push([t0, t1 - t0, res.status, id]);
    return res.ok ? null : `${res.status} ${text.slice(0, 200)}`;
  } catch (err) {
    sent.push([t0, nowMs() - t0, 0, '']);
    return err instanceof Error ? err.message : String(err);
  }
}

async function run(m: PosterRun): Promise<void> {
  const sent: Sent[] = [];
  let firstError: string | null = null;
  const inflight: Promise<void>[] = [];
  const interval = 1000 / m.rate;
  const start = nowMs();
  for (let i = 0; i < m.requests.length; i++) {
    const wait = start + i * interval - nowMs();
    if (wait > 1) await sleep(wait);
    inflight.push(
      sendOne(m.url, m.requests[i], sent).then((err) => {
        if (err) firstError ??= err;
      }),
    );
  }
  await Promise.all(inflight);
  process.send?.({ type: 'done', sent, firstError } satisfies PosterMessage);
}

process.on('message', (m: PosterRun) => {
  if (m.type === 'run') void run(m);
});
