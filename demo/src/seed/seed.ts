import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from '@whistle/server/dist/database/typeorm-options';
import { DEMO_PASSWORD } from '../world';
import { historyBlockers } from './history/history-preconditions';
import { historyConfig, historySummary, seedHistory } from './history/seed-history';
import { seedReference, type SeedResult } from './seed-reference';

/** A refusal that says all there is to say: printed without a stack. */
class SeedRefused extends Error {}

/**
 * `node demo/dist/seed/seed.js [--reset]`, after migrations: the demo district, inserting only what
 * is missing (seed-reference.ts), then its two-week history (incidents, whistles, dispatches,
 * ratings, events: the district driven through the real services, then moved into the past) into
 * a database without incidents.
 */
async function main(argv: string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const reset = argv.includes('--reset');
  // A reset always reseeds the history: check its configuration before deleting anything.
  if (reset) historyConfig(process.env);
  const dataSource = new DataSource(typeormOptions(url));
  await dataSource.initialize();
  let blockers: string[] = [];
  let withHistory: boolean;
  try {
    // A second `npm run demo` keeps the district's past instead of adding another one.
    const [row] = await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM incidents');
    withHistory = reset || row?.n === 0;
    if (withHistory) blockers = await historyBlockers(dataSource);
    if (reset && blockers.length > 0) {
      throw new SeedRefused(
        `--reset would delete every incident but could not replay the demo history: ${blockers.join('; ')}`,
      );
    }
    const started = Date.now();
    const result = await seedReference(dataSource, { reset });
    console.log(summary(result, reset, Date.now() - started));
  } finally {
    await dataSource.destroy();
  }
  if (!withHistory) {
    console.log('history kept: the database already has incidents (seed with --reset to replace them)');
  } else if (blockers.length > 0) console.log(`no demo history: ${blockers.join('; ')}`);
  else console.log(historySummary(await seedHistory()));
}

function summary({ counts: c, inserted: i }: SeedResult, reset: boolean, ms: number): string {
  const grids = c.comprehensiveGrids + c.dedicatedGrids;
  return [
    `reference data in ${(ms / 1000).toFixed(1)} s${reset ? ` (reset: ${c.deletedOperationalRows} operational rows deleted)` : ''}: inserted what was missing, kept what was there`,
    `  inserted of the demo's: streets ${i.streets}/${c.streets}, communities ${i.communities}/${c.communities}, grids ${i.grids}/${grids} (${c.comprehensiveGrids} comprehensive + ${c.dedicatedGrids} dedicated)`,
    `  departments ${i.departments}/${c.departments}, users ${i.users}/${c.users}${i.users > 0 ? ` (new ones sign in with ${DEMO_PASSWORD})` : ''}, leader pairings ${i.streetLeaders}/${c.streetLeaders}, grid assignments ${i.gridWorkers}/${c.gridWorkers}`,
    `  admission entries ${i.admissionEntries}/${c.admissionEntries}, timer rules ${i.timerRules}/${c.timerRules}, Open311 demo key ${i.open311Keys}/1`,
  ].join('\n');
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    if (err instanceof SeedRefused) console.error(`seed: ${err.message}`);
    else console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
