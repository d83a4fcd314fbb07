import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import type { SqlParam } from './deferred-write';

/**
 * Whole entity rows read with plain SQL, for the hot paths (every whistle, every dispatch step):
 * TypeORM's find() builds the same SELECT and maps the same columns again on every call, ~10 % of
 * the server's CPU under the dispatch benchmark. The column list comes from the entity's metadata
 * once, so it follows the entity; a row comes back as an instance of it, as find() returns it.
 */
export interface EntityRows<T> {
  /** `"column" AS "property", …`: the entity's columns, for a SELECT over its table. */
  readonly columns: string;
  readonly table: string;
  hydrate(row: Record<string, unknown>): T;
  /** `UPDATE … SET` every column of `entity` it holds a value for (undefined ones are left), by id. */
  updateById(entity: T, param: SqlParam): string;
}

const cache = new WeakMap<EntityMetadata, EntityRows<unknown>>();

export function entityRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
): EntityRows<T> {
  const metadata = manager.connection.getMetadata(target);
  let rows = cache.get(metadata);
  if (!rows) {
    rows = entityRowsOf(metadata);
    cache.set(metadata, rows);
  }
  return rows as EntityRows<T>;
}

/** Row-locks one row by id for the rest of the caller's transaction; null when there is none. */
export function lockById<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
): Promise<T | null> {
  return lockByIdFrom(manager, target, '$1', [id]);
}

/**
 * Row-locks the one row whose id the SQL expression `idSql` (over `params`) answers — a subquery
 * such as another table's reference to it — in one statement; null when there is none.
 */
export async function lockByIdFrom<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  idSql: string,
  params: unknown[],
): Promise<T | null> {
  const rows = entityRows(manager, target);
  const [row] = await manager.query<Record<string, unknown>[]>(
    `SELECT ${rows.columns} FROM ${rows.table} WHERE id = (${idSql}) FOR UPDATE`,
    params,
  );
  return row ? rows.hydrate(row) : null;
}

/** Uncached; throws for an entity with a column plain SQL would read differently from TypeORM. */
export function entityRowsOf(metadata: EntityMetadata): EntityRows<unknown> {
  const typed = metadata.columns.map((column) => ({ column, type: typeOf(metadata, column) }));
  const columns = typed.map(({ column, type }) => {
    // pg turns a `date` into a JS Date at local midnight; TypeORM (and the entities) keep 'YYYY-MM-DD'.
    const cast = type === 'date' ? '::text' : '';
    return `"${column.databaseName}"${cast} AS "${column.propertyName}"`;
  });
  const writable = typed
    .filter(({ column }) => !column.isPrimary)
    .map(({ column, type }) => ({
      name: column.databaseName,
      property: column.propertyName,
      // pg would send a JS array as a PostgreSQL array: a jsonb value goes as its JSON text.
      json: type === 'jsonb',
    }));
  const primary = metadata.primaryColumns[0];
  if (metadata.primaryColumns.length !== 1 || !primary) {
    throw new Error(`${metadata.name} has no single primary column for entityRows`);
  }
  const prototype = (metadata.target as { prototype: object }).prototype;
  return {
    columns: columns.join(', '),
    table: metadata.tablePath,
    hydrate: (row) => Object.assign(Object.create(prototype) as object, row),
    updateById: (entity, param) => {
      const values = entity as Record<string, unknown>;
      const sets = writable
        .filter((column) => values[column.property] !== undefined)
        .map((column) => {
          const value = values[column.property];
          return `"${column.name}" = ${param(column.json ? JSON.stringify(value) : value)}`;
        });
      return `UPDATE ${metadata.tablePath} SET ${sets.join(', ')}
        WHERE "${primary.databaseName}" = ${param(values[primary.propertyName])}`;
    },
  };
}

/** Column types pg hands back exactly as TypeORM does; anything else is refused on first use. */
const AS_TYPEORM_READS = new Set([
  'uuid',
  'varchar',
  'character varying',
  'text',
  'string',
  'enum',
  'boolean',
  'int',
  'integer',
  'number',
  'double precision',
  'timestamptz',
  'date',
  'jsonb',
]);

function typeOf(metadata: EntityMetadata, column: ColumnMetadata): string {
  const type = typeof column.type === 'string' ? column.type : column.type.name.toLowerCase();
  // An array of a PostgreSQL enum comes back from pg as its text form ('{a,b}'), not an array.
  const supported = AS_TYPEORM_READS.has(type) && !column.transformer && !(column.isArray && type === 'enum');
  if (!supported) {
    throw new Error(`${metadata.name}.${column.propertyName} (${type}) cannot be read by entityRows`);
  }
  return type;
}
