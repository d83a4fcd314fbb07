import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../database/typeorm-options';
import { DEMO_PASSWORD } from './demo-data';
import { seedReference, type SeedResult } from './seed-reference';

export { seedReference, type SeedOptions, type SeedResult } from './seed-reference';
export { demoLayout, generateLayout, type DemoLayout } from './geography/layout';
export { DEMO_PASSWORD };

/*
 * ─── seedHistory(...) goes here ───────────────────────────────────────────────────────────────
 * The demo history (incidents, whistles, dispatches, ratings, events) is seeded by a separate
 * exported async function, added later by the history work. It runs after seedReference in main().
 */

/** `node dist/seed/seed.js [--reset]`, after migrations. */
async function main(argv: string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const reset = argv.includes('--reset');
  const dataSource = new DataSource(typeormOptions(url));
  await dataSource.initialize();
  try {
    const started = Date.now();
    const result = await seedReference(dataSource, { reset });
    console.log(summary(result, reset, Date.now() - started));
  } finally {
    await dataSource.destroy();
  }
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
