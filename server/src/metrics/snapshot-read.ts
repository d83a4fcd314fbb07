import type { DataSource } from 'typeorm';
import { renderSql, type SqlFragment } from './sql';
import type { RunQuery } from './summary-queries';

/**
 * Runs a figure's queries against one snapshot of the database. Queries sent side by side on the
 * pool each see the commits made up to their own start, so a summary built that way could count
 * a rating in the district's total and miss it in the department's row. One read-only
 * REPEATABLE READ transaction gives every query the same view; they queue on its connection
 * (one at a time, as a PostgreSQL connection runs them anyway).
 */
export async function readSnapshot<T>(
  dataSource: DataSource,
  read: (run: RunQuery) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner('slave');
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let queue: Promise<unknown> = Promise.resolve();
    const run: RunQuery = <Row>(query: SqlFragment) => {
      const { text, params } = renderSql(query);
      const next = queue.then(() => runner.query(text, params) as Promise<Row[]>);
      queue = next.catch(() => undefined);
      return next;
    };
    const result = await read(run);
    await runner.query('COMMIT');
    return result;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** A single query needs no snapshot of its own: it runs on the pool. */
export function runOnPool(dataSource: DataSource): RunQuery {
  return <Row>(query: SqlFragment) => {
    const { text, params } = renderSql(query);
    return dataSource.query<Row[]>(text, params);
  };
}
