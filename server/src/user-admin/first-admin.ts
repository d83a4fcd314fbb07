import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import { createDistrict, listDistricts } from '../streets/districts';
import { anyAdminExists, insertAccount, usernameTaken } from '../users/accounts';
import { hashPassword } from '../users/password';
import { passwordProblems } from '../users/password-policy';

/** The admin API's rule for user names (dto/user-admin.dto.ts). */
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export interface FirstAdminRequest {
  username: string;
  displayName: string;
  /**
   * The deployment's district, by code. Optional while exactly one exists; with `nameZh` it is
   * created when the table is still empty (the boundaries come later, from an admin's import).
   */
  district?: { code: string; nameZh?: string; nameEn?: string };
}

export interface FirstAdmin {
  userId: string;
  username: string;
  /** The district's code when this run created it. */
  createdDistrict: string | null;
}

/** A reason the command will not create the admin; printed as it is. Never holds a secret. */
export class FirstAdminRefused extends Error {}

/**
 * Everything that would refuse the request except the password, checked before anyone is asked
 * to type one. `createFirstAdmin` checks it all again under its lock.
 */
export async function checkFirstAdmin(db: DataSource, request: FirstAdminRequest): Promise<void> {
  requestProblems(request);
  await db.transaction(async (m) => {
    await refuseUnlessFirst(m, request.username);
    await districtFor(m, request.district, false);
  });
}

/**
 * Creates the deployment's first administrator, once: refused as soon as any admin account exists
 * (active or not: an inactive admin is reactivated by another admin, not replaced from a shell).
 * The account and its audit row ('user.created', no actor) commit together.
 */
export async function createFirstAdmin(
  db: DataSource,
  request: FirstAdminRequest,
  password: string,
): Promise<FirstAdmin> {
  requestProblems(request);
  const problems = passwordProblems(password, request.username);
  if (problems.length > 0) throw new FirstAdminRefused(`the password ${problems.join('; ')}`);
  // Before the transaction: scrypt takes a good part of a second and would hold the lock meanwhile.
  const passwordHash = await hashPassword(password);
  return db.transaction(async (m) => {
    // Two runs at once: the second waits here, then finds the first one's admin.
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['whistle:create-admin']);
    await refuseUnlessFirst(m, request.username);
    const district = await districtFor(m, request.district, true);
    const user = await insertAccount(m, {
      username: request.username,
      displayName: request.displayName,
      role: 'admin',
      passwordHash,
      districtId: district.id,
      streetId: null,
      departmentId: null,
      // The operator chose this password just now: nothing to change at the first login.
      mustChangePassword: false,
    });
    await recordAudit(
      {
        action: 'user.created',
        context: { actorId: null, actorUsername: null, ip: null },
        target: { type: 'user', id: user.id },
        details: {
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          districtId: district.id,
          via: 'create-admin',
          ...(district.created ? { districtCreated: district.code } : {}),
        },
      },
      m,
    );
    return {
      userId: user.id,
      username: user.username,
      createdDistrict: district.created ? district.code : null,
    };
  });
}

function requestProblems({ username, displayName }: FirstAdminRequest): void {
  if (!USERNAME.test(username)) {
    throw new FirstAdminRefused(
      'the username must be 3–64 lower-case letters, digits, dots, dashes or underscores',
    );
  }
  if (displayName.trim() === '' || displayName.length > 64) {
    throw new FirstAdminRefused('the display name must be 1–64 characters');
  }
}

async function refuseUnlessFirst(m: EntityManager, username: string): Promise<void> {
  if (await anyAdminExists(m)) {
    throw new FirstAdminRefused(
      'an admin user already exists: this command only creates the first one (admins create the others)',
    );
  }
  if (await usernameTaken(m, username)) throw new FirstAdminRefused(`the username ${username} is taken`);
}

async function districtFor(
  m: EntityManager,
  wanted: FirstAdminRequest['district'],
  create: boolean,
): Promise<{ id: string; code: string; created: boolean }> {
  const districts = await listDistricts(m);
  if (wanted) {
    const found = districts.find((d) => d.code === wanted.code);
    if (found) return { id: found.id, code: found.code, created: false };
    if (districts.length > 0) {
      throw new FirstAdminRefused(
        `no district ${wanted.code}; this deployment has ${districts.map((d) => d.code).join(', ')}`,
      );
    }
    if (!wanted.nameZh) {
      throw new FirstAdminRefused(`no district yet: add --district-name to create district ${wanted.code}`);
    }
    if (!create) return { id: '', code: wanted.code, created: true };
    const district = await createDistrict(m, {
      code: wanted.code,
      nameZh: wanted.nameZh,
      nameEn: wanted.nameEn ?? wanted.nameZh,
    });
    return { id: district.id, code: district.code, created: true };
  }
  const [only, ...others] = districts;
  if (!only) {
    throw new FirstAdminRefused(
      "no district yet: pass --district-code and --district-name to create the deployment's district",
    );
  }
  if (others.length > 0) {
    throw new FirstAdminRefused(
      `several districts: pass --district-code (one of ${districts.map((d) => d.code).join(', ')})`,
    );
  }
  return { id: only.id, code: only.code, created: false };
}
