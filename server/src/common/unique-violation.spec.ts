import { ConflictException } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { refuseDuplicates, takenConflict, uniqueViolationOf } from './unique-violation';

/** A unique violation as node-postgres reports it, wrapped as TypeORM hands it on. */
const violationOf = (constraint: string) =>
  new QueryFailedError(
    'INSERT …',
    [],
    Object.assign(new Error(`duplicate key value violates unique constraint "${constraint}"`), {
      code: '23505',
      constraint,
    }),
  );

/** Just the metadata refuseDuplicates reads: a table with a unique code and a unique (a, b) index. */
const manager = {
  connection: {
    getMetadata: () => ({
      uniques: [{ name: 'UQ_code', columns: [{ propertyName: 'code' }] }],
      indices: [
        { name: 'IDX_plain', isUnique: false, columns: [{ propertyName: 'name' }] },
        { name: 'IDX_a_b', isUnique: true, columns: [{ propertyName: 'a' }, { propertyName: 'b' }] },
      ],
    }),
  },
} as unknown as EntityManager;

describe('unique violations', () => {
  it('reads the constraint of a 23505 and nothing from other errors', () => {
    expect(uniqueViolationOf(violationOf('UQ_code'))).toEqual({ constraint: 'UQ_code' });
    expect(uniqueViolationOf({ driverError: { code: '23505' } })).toEqual({ constraint: null });
    expect(uniqueViolationOf(Object.assign(new Error('x'), { code: '23503' }))).toBeNull();
    expect(uniqueViolationOf(null)).toBeNull();
  });

  it('answers the 409 given for the columns of the violated constraint or unique index', async () => {
    const conflicts = {
      code: () => takenConflict('department code', 'code', 'cgj'),
      'a,b': () => new ConflictException('pair taken'),
    };
    const refused = refuseDuplicates(manager, 'Thing', conflicts, () =>
      Promise.reject(violationOf('UQ_code')),
    );
    await expect(refused).rejects.toBeInstanceOf(ConflictException);
    await expect(refused).rejects.toMatchObject({
      response: { message: 'department code cgj is taken', fields: { code: ['is taken'] } },
    });
    await expect(
      refuseDuplicates(manager, 'Thing', conflicts, () => Promise.reject(violationOf('IDX_a_b'))),
    ).rejects.toThrow('pair taken');
  });

  it('rethrows other errors and violations of constraints it was given no answer for', async () => {
    const unmapped = violationOf('UQ_elsewhere');
    await expect(refuseDuplicates(manager, 'Thing', {}, () => Promise.reject(unmapped))).rejects.toBe(
      unmapped,
    );
    const other = new Error('boom');
    await expect(
      refuseDuplicates(manager, 'Thing', { code: () => new ConflictException() }, () =>
        Promise.reject(other),
      ),
    ).rejects.toBe(other);
    await expect(refuseDuplicates(manager, 'Thing', {}, () => Promise.resolve(7))).resolves.toBe(7);
  });
});
