import type { Polygon } from 'geojson';
import type { DataSource } from 'typeorm';
import type { Role } from '@whistle/shared';
import { hashPassword } from '../../src/users/password';
import { AdmissionEntry } from '../../src/admission/admission-entry.entity';
import { Department } from '../../src/departments/department.entity';
import { GridWorker } from '../../src/users/grid-worker.entity';
import { Grid } from '../../src/grids/grid.entity';
import { Community } from '../../src/streets/community.entity';
import { District } from '../../src/streets/district.entity';
import { StreetLeader } from '../../src/users/street-leader.entity';
import { Street } from '../../src/streets/street.entity';
import { User } from '../../src/users/user.entity';

export const PASSWORD = 'test-password';
let passwordHash: Promise<string> | undefined;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

function square(minLng: number, minLat: number, size: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLng, minLat],
        [minLng + size, minLat],
        [minLng + size, minLat + size],
        [minLng, minLat + size],
        [minLng, minLat],
      ],
    ],
  };
}

export interface StreetFixture {
  street: Street;
  grids: Grid[];
  /** A point inside each grid, in grid order. */
  points: { lng: number; lat: number }[];
}

/**
 * A small district: `streets` streets side by side, each one community of 2×2 square grids
 * (0.01° each). Points outside every grid: lng < 118.
 */
export async function createDistrict(
  db: DataSource,
  streets = 2,
): Promise<{ district: District; streets: StreetFixture[] }> {
  const district = await db
    .getRepository(District)
    .save({ code: unique('d'), nameZh: '测试区', nameEn: 'Test', boundary: null });
  const fixtures: StreetFixture[] = [];
  for (let s = 0; s < streets; s++) {
    const originLng = 118.7 + s * 0.02;
    const originLat = 32.0;
    const street = await db.getRepository(Street).save({
      districtId: district.id,
      code: unique('s'),
      nameZh: `测试街道${s + 1}`,
      nameEn: `Street ${s + 1}`,
      centerLng: originLng + 0.01,
      centerLat: originLat + 0.01,
      boundary: square(originLng, originLat, 0.02),
    });
    const community = await db.getRepository(Community).save({
      streetId: street.id,
      code: unique('c'),
      nameZh: `测试社区${s + 1}`,
      nameEn: `Community ${s + 1}`,
      boundary: square(originLng, originLat, 0.02),
    });
    const grids: Grid[] = [];
    const points: { lng: number; lat: number }[] = [];
    for (let gx = 0; gx < 2; gx++) {
      for (let gy = 0; gy < 2; gy++) {
        const minLng = originLng + gx * 0.01;
        const minLat = originLat + gy * 0.01;
        grids.push(
          await db.getRepository(Grid).save({
            code: unique('g'),
            name: `网格${gx}${gy}`,
            streetId: street.id,
            communityId: community.id,
            kind: 'comprehensive',
            polygon: square(minLng, minLat, 0.01),
            minLng,
            minLat,
            maxLng: minLng + 0.01,
            maxLat: minLat + 0.01,
          }),
        );
        points.push({ lng: minLng + 0.005, lat: minLat + 0.005 });
      }
    }
    fixtures.push({ street, grids, points });
  }
  return { district, streets: fixtures };
}

export function createDepartment(db: DataSource, code = unique('dept')): Promise<Department> {
  return db
    .getRepository(Department)
    .save({ code, nameZh: `部门${code}`, nameEn: `Dept ${code}`, kind: 'department' });
}

export interface UserSpec {
  role: Role;
  districtId: string;
  streetId?: string;
  departmentId?: string;
  gridIds?: string[];
  /** Streets a district leader is paired with (双报到). */
  pairedStreetIds?: string[];
}

export async function createUser(db: DataSource, spec: UserSpec): Promise<User> {
  passwordHash ??= hashPassword(PASSWORD);
  const user = await db.getRepository(User).save({
    username: unique(spec.role),
    passwordHash: await passwordHash,
    displayName: `${spec.role} user`,
    role: spec.role,
    districtId: spec.districtId,
    streetId: spec.streetId ?? null,
    departmentId: spec.departmentId ?? null,
  });
  for (const gridId of spec.gridIds ?? [])
    await db.getRepository(GridWorker).save({ userId: user.id, gridId });
  for (const streetId of spec.pairedStreetIds ?? [])
    await db.getRepository(StreetLeader).save({ streetId, userId: user.id });
  return user;
}

export async function admit(db: DataSource, streetId: string, categories: string[]): Promise<void> {
  await db.getRepository(AdmissionEntry).save(categories.map((category) => ({ streetId, category })));
}
