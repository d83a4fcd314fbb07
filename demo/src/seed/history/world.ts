import type { LngLat, Role } from '@whistle/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '@whistle/server/dist/access/auth-user';
import { Draw } from './draw';

interface UserRow {
  id: string;
  username: string;
  role: Role;
  district_id: string;
  street_id: string | null;
  department_id: string | null;
}

interface GridRow {
  id: string;
  street_code: string;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
}

/** Finds the grid a point lies in: the running app's own index (GridsService.locate). */
export type Locate = (point: LngLat) => { id: string } | null;

/**
 * The seeded district as the history needs it: the demo users as the principals the services
 * expect (built like the JWT guard builds them), and ids by the codes the plan speaks in.
 */
export class DemoWorld {
  private constructor(
    private readonly users: Map<string, AuthUser>,
    private readonly usersById: Map<string, AuthUser>,
    private readonly departments: Map<string, string>,
    private readonly streets: Map<string, string>,
    private readonly grids: readonly GridRow[],
    private readonly workerGrids: Map<string, string[]>,
    private readonly locate: Locate,
  ) {}

  static async load(db: DataSource, locate: Locate): Promise<DemoWorld> {
    const users = await db.query<UserRow[]>(
      'SELECT id, username, role, district_id, street_id, department_id FROM users WHERE active',
    );
    const principals = users.map((u): [string, AuthUser] => [
      u.username,
      {
        id: u.id,
        username: u.username,
        role: u.role,
        districtId: u.district_id,
        streetId: u.street_id,
        departmentId: u.department_id,
        // The history is written through the services directly, not through a signed-in session.
        sessionId: '00000000-0000-4000-8000-000000000000',
        mustChangePassword: false,
      },
    ]);
    const departments = await db.query<{ id: string; code: string }[]>('SELECT id, code FROM departments');
    const streets = await db.query<{ id: string; code: string }[]>('SELECT id, code FROM streets');
    const grids = await db.query<GridRow[]>(
      `SELECT g.id, s.code AS street_code, g.min_lng, g.min_lat, g.max_lng, g.max_lat
       FROM grids g JOIN streets s ON s.id = g.street_id ORDER BY g.code`,
    );
    const assigned = await db.query<{ username: string; grid_id: string }[]>(
      `SELECT u.username, gw.grid_id FROM grid_workers gw
       JOIN users u ON u.id = gw.user_id JOIN grids g ON g.id = gw.grid_id ORDER BY g.code`,
    );
    const workerGrids = new Map<string, string[]>();
    for (const a of assigned)
      workerGrids.set(a.username, [...(workerGrids.get(a.username) ?? []), a.grid_id]);
    return new DemoWorld(
      new Map(principals),
      new Map(principals.map(([, u]) => [u.id, u])),
      new Map(departments.map((d) => [d.code, d.id])),
      new Map(streets.map((s) => [s.code, s.id])),
      grids,
      workerGrids,
      locate,
    );
  }

  user(username: string): AuthUser {
    const user = this.users.get(username);
    if (!user) throw new Error(`demo user ${username} is missing; run the reference seed first`);
    return user;
  }

  userById(id: string): AuthUser {
    const user = this.usersById.get(id);
    if (!user) throw new Error(`user ${id} is missing`);
    return user;
  }

  departmentId(code: string): string {
    const id = this.departments.get(code);
    if (!id) throw new Error(`department ${code} is missing`);
    return id;
  }

  departmentCode(id: string): string {
    for (const [code, depId] of this.departments) if (depId === id) return code;
    throw new Error(`department ${id} is not a demo department`);
  }

  streetId(code: string): string {
    const id = this.streets.get(code);
    if (!id) throw new Error(`street ${code} is missing`);
    return id;
  }

  /**
   * A point inside a grid picked by `spot`: among the reporter's own grids for a grid worker,
   * else among the street's. Tries spread points of the grid's box until one lies inside it.
   */
  pointIn(streetCode: string, reporter: string | null, spot: { grid: number; x: number; y: number }): LngLat {
    const own = reporter ? this.workerGrids.get(reporter) : undefined;
    const candidates = own
      ? this.grids.filter((g) => own.includes(g.id))
      : this.grids.filter((g) => g.street_code === streetCode);
    if (candidates.length === 0) throw new Error(`no grids for ${reporter ?? streetCode}`);
    const first = Math.floor(spot.grid * candidates.length);
    for (let k = 0; k < candidates.length; k++) {
      const grid = candidates[(first + k) % candidates.length];
      if (!grid) continue;
      for (let n = 0; n < 64; n++) {
        // Golden-ratio steps from the picked spot cover the box evenly and stay deterministic.
        const x = (spot.x + n * 0.618034) % 1;
        const y = (spot.y + n * 0.381966) % 1;
        const point = {
          lng: round6(grid.min_lng + (grid.max_lng - grid.min_lng) * x),
          lat: round6(grid.min_lat + (grid.max_lat - grid.min_lat) * y),
        };
        if (this.locate(point)?.id === grid.id) return point;
      }
    }
    throw new Error(`no point found in the grids of ${reporter ?? streetCode}`);
  }

  /** A point a few metres from `origin` in the same grid (a repeat report, an officer arriving). */
  near(origin: LngLat, seed: string): LngLat {
    const draw = new Draw(seed);
    const grid = this.locate(origin);
    for (let n = 0; n < 16; n++) {
      const point = {
        lng: round6(origin.lng + draw.between(-0.0004, 0.0004)),
        lat: round6(origin.lat + draw.between(-0.0003, 0.0003)),
      };
      if (this.locate(point)?.id === grid?.id) return point;
    }
    return origin;
  }
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
