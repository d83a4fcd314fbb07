/** Adds a value to the statement's parameters and answers its placeholder (`$3`). */
export type SqlParam = (value: unknown) => string;

/**
 * One INSERT or UPDATE (no RETURNING) to send as a part of a larger statement's WITH, written with
 * `param` for every value so it can be numbered after the parts before it.
 */
export type DeferredWrite = (param: SqlParam) => string;

/** Runs a deferred write as a statement of its own. */
export function asStatement(write: DeferredWrite): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = write((value) => `$${params.push(value)}`);
  return { sql, params };
}
