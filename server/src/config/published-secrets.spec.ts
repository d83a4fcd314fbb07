import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { JWT_SECRET_MIN_CHARS } from './jwt-secret';
import { PUBLISHED_JWT_SECRETS } from './published-secrets';

const ROOT = join(__dirname, '../../..');
/** This file's samples below are made up to test the scan, not secrets anything runs with. */
const THIS_FILE = relative(ROOT, __filename);

/** Code files: there a bare word after `JWT_SECRET:` is a variable, not a value. */
const CODE = new Set(['.ts', '.tsx', '.js', '.cjs', '.mjs']);

/**
 * Values given to JWT_SECRET in a file's text: quoted literals after `JWT_SECRET:` / `= `
 * (TypeScript, YAML, shell), shell and compose defaults (`${JWT_SECRET:-value}`) and, outside
 * code, bare values (`JWT_SECRET=value`, `JWT_SECRET: value`). References (`$VAR`, `$(cmd)`)
 * are not values. A secret first put in a variable and passed on by name escapes this scan.
 */
export function jwtSecretLiterals(text: string, path: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/JWT_SECRET['"]?\s*[:=]\s*(['"`])([^'"`\n]*)\1/g)) found.push(m[2] ?? '');
  for (const m of text.matchAll(/\$\{JWT_SECRET:?[-=]([^}\n]*)\}/g)) {
    found.push((m[1] ?? '').replace(/^(['"])(.*)\1$/, '$2'));
  }
  if (!CODE.has(extname(path))) {
    for (const m of text.matchAll(/(?<![{\w])JWT_SECRET\s*[:=][ \t]*([^\s'"`$?{}(),;|]+)/g))
      found.push(m[1] ?? '');
  }
  return found.filter((value) => value !== '' && !value.startsWith('$'));
}

/** Tracked and untracked (not ignored) files: what a clone, a commit or a review can read. */
function repositoryTextFiles(): { path: string; text: string }[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const files: { path: string; text: string }[] = [];
  for (const path of listed.split('\0')) {
    if (path === '' || path === 'package-lock.json' || path === THIS_FILE) continue;
    let buffer: Buffer;
    try {
      buffer = readFileSync(join(ROOT, path));
    } catch {
      continue; // listed but deleted in the work tree
    }
    if (buffer.includes(0)) continue; // binary
    files.push({ path, text: buffer.toString('utf8') });
  }
  return files;
}

describe('jwtSecretLiterals', () => {
  const secret = 'some-long-literal-secret-value';
  it.each([
    [`const env = { JWT_SECRET: '${secret}' };`, 'a.ts'],
    [`process.env.JWT_SECRET = "${secret}";`, 'a.ts'],
    [`export JWT_SECRET="\${JWT_SECRET:-${secret}}"`, 'env.sh'],
    [`  JWT_SECRET: \${JWT_SECRET:-${secret}}`, 'compose.yml'],
    [`JWT_SECRET=${secret} npm start`, 'README.md'],
    [`  JWT_SECRET: ${secret}`, 'compose.yml'],
  ])('finds the value in %s', (text, path) => {
    expect(jwtSecretLiterals(text, path)).toEqual([secret]);
  });

  it.each([
    ['  JWT_SECRET: ${JWT_SECRET:?set JWT_SECRET to a random secret}', 'compose.yml'],
    ['JWT_SECRET="$(openssl rand -base64 48)" docker compose up', 'README.md'],
    ['secret: config.JWT_SECRET,', 'auth.module.ts'],
    ['  JWT_SECRET: secretFromSomewhere,', 'a.ts'],
    ['| `JWT_SECRET` | required |', 'README.md'],
  ])('finds no value in %s', (text, path) => {
    expect(jwtSecretLiterals(text, path)).toEqual([]);
  });
});

describe('PUBLISHED_JWT_SECRETS', () => {
  it('lists every JWT_SECRET the repository gives a value', () => {
    const files = repositoryTextFiles();
    // The scan must see the repository, or it proves nothing.
    expect(files.some((f) => f.path === 'server/scripts/local-env.sh')).toBe(true);
    const found = files.flatMap(({ path, text }) =>
      jwtSecretLiterals(text, path)
        // Shorter values are refused in every environment (app-config.ts): no server can run on one.
        .filter((value) => value.length >= JWT_SECRET_MIN_CHARS)
        .map((value) => ({ path, value })),
    );
    expect(found.length).toBeGreaterThan(0);
    const unlisted = found.filter(({ value }) => !PUBLISHED_JWT_SECRETS.includes(value));
    // A new demo or test secret: add it to published-secrets.ts so production refuses it.
    expect(unlisted).toEqual([]);
  });
});
