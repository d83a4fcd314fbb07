import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LoginResponse } from '@whistle/shared';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { District } from '../src/streets/district.entity';
import { User } from '../src/users/user.entity';
import { TestEnv, type RunningTestApp } from './support/test-app';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(__dirname, 'support', 'ts-register.cjs');
const SCRIPT = join(ROOT, 'server', 'src', 'cli', 'create-admin.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command as an operator runs it, the password piped to its standard input. */
function createAdmin(databaseUrl: string, args: string[], stdin: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER, SCRIPT, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/**
 * The one-time first-admin command (server/src/cli/create-admin.ts), run as a child process
 * against a fresh, migrated database, then the account it made signing in through the API.
 */
describe('create-admin', () => {
  const password = 'Lantern-Bridge-7281';
  let env: TestEnv;
  let app: RunningTestApp;
  const run = (args: string[], stdin = `${password}\n`) => createAdmin(env.databaseUrl, args, stdin);
  const users = () => env.db.getRepository(User).count();

  // Each run is a fresh Node process compiling the sources it loads: seconds apiece on a busy machine.
  jest.setTimeout(180_000);

  beforeAll(async () => {
    env = await TestEnv.create();
    app = await env.start('api');
  });

  afterAll(async () => {
    await env?.destroy();
  });

  it('refuses without a district to put the admin in, before asking for a password', async () => {
    const result = await run(['--username', 'ops'], '');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no district yet: pass --district-code and --district-name');
    expect(result.stdout).toBe('');
    expect(await users()).toBe(0);
    expect(await env.db.getRepository(District).count()).toBe(0);
  });

  it('refuses a weak password, and says why without repeating it', async () => {
    // The demo's published password, and a strong-looking one holding the user name.
    for (const weak of ['whistle123', 'ops-Lantern-99']) {
      const result = await run(
        ['--username', 'ops', '--district-code', '320104', '--district-name', '秦淮区'],
        `${weak}\n`,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/create-admin: refused: the password /);
      expect(result.stdout + result.stderr).not.toContain(weak);
    }
    expect(await users()).toBe(0);
    // Nothing half-made: the district is created with the admin or not at all.
    expect(await env.db.getRepository(District).count()).toBe(0);
  });

  it('refuses a usage error with exit code 2', async () => {
    const result = await run(['--username', 'ops', '--pasword', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--pasword'");
    expect(await users()).toBe(0);
  });

  it('creates the admin and its district, prints nothing secret, and audits it', async () => {
    const result = await run([
      '--username',
      'ops',
      '--display-name',
      '运维管理员',
      '--district-code',
      '320104',
      '--district-name',
      '秦淮区',
      '--district-name-en',
      'Qinhuai',
    ]);
    expect(result).toEqual({ code: 0, stdout: 'created district 320104\ncreated admin ops\n', stderr: '' });

    const user = await env.db.getRepository(User).findOneByOrFail({ username: 'ops' });
    expect(user).toMatchObject({ role: 'admin', active: true, displayName: '运维管理员', streetId: null });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain(password);
    expect(await env.db.getRepository(District).findOneByOrFail({ id: user.districtId })).toMatchObject({
      code: '320104',
      nameZh: '秦淮区',
      nameEn: 'Qinhuai',
    });

    const audit = await env.db.getRepository(AuditEntry).findBy({ action: 'user.created' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: null,
      actorUsername: null,
      targetType: 'user',
      targetId: user.id,
    });
    expect(audit[0]?.details).toMatchObject({ username: 'ops', role: 'admin', via: 'create-admin' });
    const details = JSON.stringify(audit[0]?.details);
    expect(details).not.toContain(password);
    expect(details).not.toContain(user.passwordHash);
  });

  it('lets the new admin sign in through the API', async () => {
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ops', password }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as LoginResponse;
    expect(body.user).toMatchObject({ username: 'ops', role: 'admin' });
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.mustChangePassword).toBe(false);

    const wrong = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ops', password: `${password}x` }),
    });
    expect(wrong.status).toBe(401);
  });

  it('is one-time: refused once an admin exists, whatever the name', async () => {
    for (const args of [
      ['--username', 'ops2'],
      ['--username', 'ops', '--district-code', '320104'],
    ]) {
      const result = await run(args, 'Another-Strong-Pass-42\n');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('an admin user already exists');
      expect(result.stdout).toBe('');
    }
    expect(await users()).toBe(1);
    expect(await env.db.getRepository(AuditEntry).countBy({ action: 'user.created' })).toBe(1);
  });
});
