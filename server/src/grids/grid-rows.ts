import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { Grid } from './grid.entity';

/*
 * Grids as rows, over a given manager: for the boundary import, which replaces them in its own
 * transaction, and for readers that need a grid's polygon (Open311 address ids).
 */

/** A grid as other modules read and write it. */
export type GridRow = Grid;

export function allGrids(manager: EntityManager): Promise<GridRow[]> {
  return manager.find(Grid, { order: { code: 'ASC' } });
}

/** The first grid (by code) matching `where`, e.g. a street's or a community's first grid. */
export function firstGrid(
  manager: EntityManager,
  where: Pick<FindOptionsWhere<GridRow>, 'code' | 'streetId' | 'communityId'>,
): Promise<GridRow | null> {
  return manager.findOne(Grid, { where, order: { code: 'ASC' } });
}

/** Inserts a grid (no id) or updates one (with its id). */
export async function saveGrid(manager: EntityManager, grid: Partial<GridRow>): Promise<void> {
  await manager.save(Grid, grid);
}

/** Grids by id, in no particular order. */
export function gridsByIds(manager: EntityManager, ids: readonly string[]): Promise<GridRow[]> {
  return ids.length ? manager.findBy(Grid, { id: In([...ids]) }) : Promise.resolve([]);
}
