import { readdirSync, readFileSync } from 'node:fs';

/**
 * Freezes a PostgreSQL server (SIGSTOP to its postmaster and every backend): connections stay
 * open and the kernel still accepts new ones, but nothing answers — a hung host, or a link that
 * went dark. Found by the port on its command line, so any private server of a test will do.
 */
export function freezePostgres(port: number): void {
  const pids = postgresPids(port);
  if (pids.length === 0) throw new Error(`no PostgreSQL server runs on port ${port}`);
  for (const pid of pids) signal(pid, 'SIGSTOP');
}

/** Resumes a frozen server; harmless on one that is not frozen (or not running). */
export function thawPostgres(port: number): void {
  for (const pid of postgresPids(port)) signal(pid, 'SIGCONT');
}

/** A backend may end between the listing and the signal. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

interface ProcessInfo {
  pid: number;
  ppid: number;
  argv: string[];
}

/** The postmaster started with `-p <port>` and its children (Linux /proc). */
function postgresPids(port: number): number[] {
  const all = processes();
  const postmaster = all.find(({ argv }) => {
    const at = argv.indexOf('-p');
    return /(^|\/)postgres$/.test(argv[0] ?? '') && at >= 0 && argv[at + 1] === String(port);
  });
  if (!postmaster) return [];
  return [postmaster.pid, ...all.filter((p) => p.ppid === postmaster.pid).map((p) => p.pid)];
}

function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after it start at the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      found.push({ pid: Number(entry), ppid, argv });
    } catch {
      // Gone while listing.
    }
  }
  return found;
}
