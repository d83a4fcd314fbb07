import { departmentAccount, DISTRICT_OPERATOR_ACCOUNT, streetAccount } from '@whistle/demo';
import { rooms } from '@whistle/shared';
import type { SeedResult } from '@whistle/demo/dist/seed/seed-reference';
import type { ScreenSpec } from './protocol';

export interface PlannedScreen extends ScreenSpec {
  /** The department an officer screen belongs to (working or watching). */
  department?: string;
}

/** Who is on screen: streets raising whistles, two officers a department, two district screens, the probe. */
export function planScreens(
  seed: SeedResult,
  profile: { streets: number; departments: number },
  grids: Map<string, { lng: number; lat: number }>,
) {
  const { ids } = seed;
  const userId = (username: string) => {
    const id = ids.users[username];
    if (!id) throw new Error(`the demo seed has no user ${username}`);
    return id;
  };
  const streetCodes = Object.keys(ids.streets).filter((code) => grids.has(ids.streets[code]));
  const departmentCodes = Object.keys(ids.departments).filter((code) => ids.users[departmentAccount(code)]);
  if (streetCodes.length < profile.streets + 1 || departmentCodes.length < profile.departments + 1)
    throw new Error('the demo district has too few streets or departments for this run');
  const point = (code: string) => {
    const g = grids.get(ids.streets[code]) as { lng: number; lat: number };
    return { lng: g.lng, lat: g.lat };
  };
  const screens: PlannedScreen[] = [];
  for (const code of streetCodes.slice(0, profile.streets)) {
    const username = streetAccount(code);
    screens.push({
      name: username,
      username,
      rooms: [rooms.user(userId(username)), rooms.street(ids.streets[code])],
      work: { kind: 'street', location: point(code) },
    });
  }
  const departmentIds: string[] = [];
  for (const code of departmentCodes.slice(0, profile.departments)) {
    const username = departmentAccount(code);
    const departmentId = ids.departments[code];
    departmentIds.push(departmentId);
    const officerRooms = [rooms.user(userId(username)), rooms.dept(departmentId)];
    screens.push(
      {
        name: `officer.${code}.1`,
        username,
        rooms: officerRooms,
        work: { kind: 'officer', departmentId },
        department: departmentId,
      },
      {
        name: `officer.${code}.2`,
        username,
        rooms: officerRooms,
        work: { kind: 'watch' },
        department: departmentId,
      },
    );
  }
  for (const n of [1, 2]) {
    screens.push({
      name: `district.${n}`,
      username: DISTRICT_OPERATOR_ACCOUNT,
      rooms: [rooms.user(userId(DISTRICT_OPERATOR_ACCOUNT)), rooms.district(ids.district)],
      work: { kind: 'watch' },
    });
  }
  const probeStreet = streetCodes[profile.streets];
  const probeDepartment = departmentCodes[profile.departments];
  const probeOfficer = departmentAccount(probeDepartment);
  return {
    screens,
    departmentIds,
    probe: {
      street: streetAccount(probeStreet),
      officer: probeOfficer,
      location: point(probeStreet),
      departmentId: ids.departments[probeDepartment],
      rooms: [rooms.user(userId(probeOfficer)), rooms.dept(ids.departments[probeDepartment])],
    },
  };
}
