import type { Department } from '../../src/departments/department.entity';
import type { User } from '../../src/users/user.entity';
import { createDepartment, createDistrict, createUser, type StreetFixture } from './factories';
import type { TestEnv } from './test-app';

/** The cast of a typical test: two streets, two departments and one user of every role. */
export interface World {
  districtId: string;
  streetA: StreetFixture;
  streetB: StreetFixture;
  deptX: Department;
  deptY: Department;
  users: {
    operatorA: User;
    operatorB: User;
    officerX: User;
    officerY: User;
    gridWorkerA: User;
    districtOperator: User;
    leaderA: User;
    admin: User;
  };
}

export async function createWorld(env: TestEnv): Promise<World> {
  const { district, streets } = await createDistrict(env.db, 2);
  const [streetA, streetB] = streets as [StreetFixture, StreetFixture];
  const deptX = await createDepartment(env.db);
  const deptY = await createDepartment(env.db);
  const base = { districtId: district.id };
  return {
    districtId: district.id,
    streetA,
    streetB,
    deptX,
    deptY,
    users: {
      operatorA: await createUser(env.db, { ...base, role: 'street_operator', streetId: streetA.street.id }),
      operatorB: await createUser(env.db, { ...base, role: 'street_operator', streetId: streetB.street.id }),
      officerX: await createUser(env.db, { ...base, role: 'dept_officer', departmentId: deptX.id }),
      officerY: await createUser(env.db, { ...base, role: 'dept_officer', departmentId: deptY.id }),
      gridWorkerA: await createUser(env.db, {
        ...base,
        role: 'grid_worker',
        gridIds: [streetA.grids[0]?.id ?? ''],
      }),
      districtOperator: await createUser(env.db, { ...base, role: 'district_operator' }),
      leaderA: await createUser(env.db, {
        ...base,
        role: 'district_leader',
        pairedStreetIds: [streetA.street.id],
      }),
      admin: await createUser(env.db, { ...base, role: 'admin' }),
    },
  };
}
