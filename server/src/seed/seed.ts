import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../database/typeorm-options';
import { DEMO_PASSWORD } from './demo-data';
import { historyConfig, historySummary, seedHistory } from './history/seed-history';
import { seedReference, type SeedResult } from './seed-reference';

export { seedReference, type SeedOptions, type SeedResult } from './seed-reference';
export { demoLayout, generateLayout, type DemoLayout } from './geography/layout';
export { DEMO_PASSWORD };

/*
 * The demo history (incidents, whistles, dispatches, ratings, events): two weeks of the district
 * driven through the real services, then moved into the past. Runs after seedReference in main().
 */
export { seedHistory, historySummary, type HistoryOptions, type HistoryResult } from './history/seed-history';

/** `node dist/seed/seed.js [--reset]`, after migrations. */
async function main(argv: string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const reset = argv.includes('--reset');
  // A reset always reseeds the history: check its configuration before deleting anything.
  if (reset) historyConfig(process.env);
  const dataSource = new DataSource(typeormOptions(url));
  await dataSource.initialize();
  let withHistory: boolean;
  try {
    const started = Date.now();
    const result = await seedReference(dataSource, { reset });
    console.log(summary(result, reset, Date.now() - started));
    // A second `npm run demo` keeps the district's past instead of adding another one.
    const [row] = await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM incidents');
    withHistory = reset || row?.n === 0;
  } finally {
    await dataSource.destroy();
  }
  if (withHistory) console.log(historySummary(await seedHistory()));
  else console.log('history kept: the database already has incidents (seed with --reset to replace them)');
}

function summary({ counts: c }: SeedResult, reset: boolean, ms: number): string {
  return [
    `seeded reference data in ${(ms / 1000).toFixed(1)} s${reset ? ` (reset: ${c.deletedOperationalRows} operational rows deleted)` : ''}`,
    `  streets ${c.streets}, communities ${c.communities}, grids ${c.comprehensiveGrids} comprehensive + ${c.dedicatedGrids} dedicated`,
    `  departments ${c.departments}, users ${c.users} (password ${DEMO_PASSWORD}), leader pairings ${c.streetLeaders}, grid assignments ${c.gridWorkers}`,
    `  admission entries ${c.admissionEntries}, timer rules ${c.timerRules}`,
  ].join('\n');
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
