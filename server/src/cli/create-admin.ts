import 'reflect-metadata';
import type { ReadStream } from 'node:tty';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../database/typeorm-options';
import {
  checkFirstAdmin,
  createFirstAdmin,
  FirstAdminRefused,
  type FirstAdminRequest,
} from '../user-admin/first-admin';
import { firstLineOf, PasswordEntryFailed, promptHidden } from './read-password';

const USAGE = `usage: create-admin --username NAME [--display-name TEXT]
                    [--district-code CODE [--district-name 名称 [--district-name-en NAME]]]

Creates the deployment's first administrator, once: refused when any admin exists. The password is
the first line of standard input when it is piped, or asked for twice on a terminal (not echoed).
The district is the only one there is, or the one with --district-code; on an empty database
--district-code and --district-name create it. Needs DATABASE_URL; prints nothing secret.`;

const OPTIONS = {
  username: { type: 'string' },
  'display-name': { type: 'string' },
  'district-code': { type: 'string' },
  'district-name': { type: 'string' },
  'district-name-en': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const parse = (argv: string[]) =>
  parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;

/** `node server/dist/cli/create-admin.js --username ops` (npm run create-admin -- …). */
async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>;
  try {
    values = parse(argv);
  } catch (err) {
    console.error(`create-admin: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.username) {
    console.error(`create-admin: --username is required\n\n${USAGE}`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('create-admin: DATABASE_URL is required');
    return 2;
  }
  const request: FirstAdminRequest = {
    username: values.username,
    displayName: values['display-name'] ?? values.username,
    ...(values['district-code'] && {
      district: {
        code: values['district-code'],
        ...(values['district-name'] && { nameZh: values['district-name'] }),
        ...(values['district-name-en'] && { nameEn: values['district-name-en'] }),
      },
    }),
  };
  const db = new DataSource(typeormOptions(url));
  await db.initialize();
  try {
    // Refuse before anyone types a password for nothing.
    await checkFirstAdmin(db, request);
    const admin = await createFirstAdmin(db, request, await readPassword(request.username));
    if (admin.createdDistrict) console.log(`created district ${admin.createdDistrict}`);
    console.log(`created admin ${admin.username}`);
    return 0;
  } catch (err) {
    if (err instanceof FirstAdminRefused || err instanceof PasswordEntryFailed) {
      console.error(`create-admin: refused: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.destroy();
  }
}

async function readPassword(username: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const password = await firstLineOf(process.stdin);
    if (password === '') throw new PasswordEntryFailed('no password on standard input');
    return password;
  }
  const terminal = process.stdin as ReadStream;
  const password = await promptHidden(terminal, process.stderr, `Password for ${username}: `);
  const again = await promptHidden(terminal, process.stderr, 'The same again: ');
  if (password !== again) throw new PasswordEntryFailed('the two passwords differ');
  return password;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    // The message only: a failed query's parameters (the password's hash) stay out of the output.
    (err: unknown) => {
      console.error(`create-admin: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
