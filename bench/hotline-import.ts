/**
 * 12345 batch import throughput: a 10,000-row CSV file (ROWS to change it) uploaded to a freshly
 * started server on a fresh database with the demo district, then the same file again (every row
 * a re-sent order). Prints rows/s for both and writes bench/results/hotline-import-latest.json.
 *
 *   npm run bench:hotline
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchDatabase, startWhistle } from './lib/server';
import { gridPerStreet, login } from './lib/world';

const ROWS = Number(process.env.ROWS ?? 10_000);
const PORT = Number(process.env.BENCH_PORT ?? 3918);
const CATEGORIES = ['占道经营', '噪音扰民', '环境卫生', '违章停车', 'road_facilities', '物业纠纷'];

interface ImportReport {
  total: number;
  created: number;
  duplicates: number;
  failed: number;
}

/** A hotline export: Chinese header, one order per row, points spread over one grid per street. */
function hotlineCsv(points: { lng: number; lat: number }[]): string {
  const lines = ['工单编号,受理时间,问题类型,诉求内容,经度,纬度,来电号码,满意度'];
  for (let i = 0; i < ROWS; i++) {
    const p = points[i % points.length];
    const jitter = ((i % 11) - 5) * 0.00002;
    lines.push(
      [
        `BENCH-${String(i + 1).padStart(7, '0')}`,
        `2026-11-${String(1 + (i % 20)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:30:00`,
        CATEGORIES[i % CATEGORIES.length],
        `市民来电反映第${i + 1}号问题，请尽快核实处理`,
        (p.lng + jitter).toFixed(6),
        (p.lat - jitter).toFixed(6),
        i % 2 === 0 ? '13800001234' : '',
        i % 9 === 0 ? '满意' : '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function upload(
  url: string,
  token: string,
  csv: string,
): Promise<{ report: ImportReport; seconds: number }> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'orders.csv');
  const started = performance.now();
  const res = await fetch(`${url}/api/hotline/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const seconds = (performance.now() - started) / 1000;
  if (!res.ok) throw new Error(`import: ${res.status} ${await res.text()}`);
  return { report: (await res.json()) as ImportReport, seconds };
}

async function main(): Promise<void> {
  const database = await BenchDatabase.create();
  const server = await startWhistle(database, PORT);
  try {
    const points = [...(await gridPerStreet(database)).values()].map((g) => ({ lng: g.lng, lat: g.lat }));
    const csv = hotlineCsv(points);
    const token = await login(server.url, 'district.operator');
    const first = await upload(server.url, token, csv);
    const again = await upload(server.url, token, csv);
    const rate = (r: { report: ImportReport; seconds: number }) => Math.round(r.report.total / r.seconds);
    console.log(
      `fresh import: ${ROWS} rows in ${first.seconds.toFixed(2)} s = ${rate(first)} rows/s`,
      first.report,
    );
    console.log(
      `re-sent file: ${ROWS} rows in ${again.seconds.toFixed(2)} s = ${rate(again)} rows/s`,
      again.report,
    );
    const result = {
      at: new Date().toISOString(),
      machine: { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) },
      rows: ROWS,
      fileBytes: Buffer.byteLength(csv),
      fresh: { seconds: first.seconds, rowsPerSecond: rate(first), ...first.report },
      resent: { seconds: again.seconds, rowsPerSecond: rate(again), ...again.report },
      serverPeakRssMb: server.usage.take().rssMb,
    };
    writeFileSync(
      join(__dirname, '..', 'results', 'hotline-import-latest.json'),
      JSON.stringify(result, null, 2),
    );
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
