import { ConflictException } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** PostgreSQL's SQLSTATE for a row a unique constraint or unique index refused. */
export const UNIQUE_VIOLATION = '23505';

interface PostgresErrorLike {
  code?: unknown;
  constraint?: unknown;
  driverError?: unknown;
}

/**
 * Whether `error` is a unique violation, and if so the name of the constraint (or unique index)
 * that refused the row; null for every other error. TypeORM's QueryFailedError carries the
 * driver's fields (`code`, `constraint`) on itself and keeps the original as `driverError`.
 */
export function uniqueViolationOf(error: unknown): { constraint: string | null } | null {
  for (const candidate of [error, (error as PostgresErrorLike | null)?.driverError]) {
    if (typeof candidate !== 'object' || candidate === null) continue;
    const e = candidate as PostgresErrorLike;
    if (e.code === UNIQUE_VIOLATION) {
      return { constraint: typeof e.constraint === 'string' ? e.constraint : null };
    }
  }
  return null;
}

/**
 * The entity properties a unique constraint or unique index of `target` covers, found by its
 * database name in TypeORM's metadata (the name the migrations created it under), so no
 * generated name is written down twice. Null when `target` has no such constraint.
 */
export function uniqueFieldsOf(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  constraint: string,
): string[] | null {
  const metadata = manager.connection.getMetadata(target);
  const unique =
    metadata.uniques.find((u) => u.name === constraint) ??
    metadata.indices.find((i) => i.isUnique && i.name === constraint);
  return unique ? unique.columns.map((column) => column.propertyName) : null;
}

/**
 * The 409 for a value another row already holds, naming the field the way field errors are named
 * everywhere (`fields: { code: ['is taken'] }`), so the form shows it beside that field.
 */
export function takenConflict(subject: string, field: string, value: string): ConflictException {
  return new ConflictException({
    message: `${subject} ${value} is taken`,
    fields: { [field]: ['is taken'] },
  });
}

/**
 * What a unique constraint of the written entity means to the caller: per set of properties it
 * covers (joined by ','), the 409 to answer when it refuses the row.
 */
export type TakenConflicts = Partial<Record<string, () => ConflictException>>;

/**
 * Runs a write that unique constraints of `target` guard. A service checks for a taken value
 * first, to name the field; but two requests at once both pass that check and the index refuses
 * the second (23505). That refusal becomes the same 409 the check gives, picked by the
 * constraint's columns. Any other error, and a violation of a constraint not listed, is rethrown
 * as it is (the exception filter answers an unknown unique violation with a plain 409).
 *
 * Call it inside the write's transaction: the refused statement has aborted the transaction, and
 * throwing rolls it back.
 */
export async function refuseDuplicates<T>(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  conflicts: TakenConflicts,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const violation = uniqueViolationOf(error);
    const fields = violation?.constraint ? uniqueFieldsOf(manager, target, violation.constraint) : null;
    const conflict = fields ? conflicts[fields.join(',')] : undefined;
    if (conflict) throw conflict();
    throw error;
  }
}
