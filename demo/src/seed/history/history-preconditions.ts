import type { DataSource } from 'typeorm';
import { timerRuleSeeds, userSeeds } from '../demo-data';
import { demoLayout } from '../geography/layout';

interface RuleRow {
  whistle_type: string;
  priority: string;
  accept_minutes: number;
  arrive_minutes: number;
  resolve_minutes: number;
}

/**
 * Why the demo history cannot be played on this database, or nothing when it can. The history is
 * planned against the demo's own timer rules and accounts (plan-limits.ts, world.ts), and the seed
 * no longer resets either: an administrator's change to them would stop the history half way.
 * What is merely missing does not count, since the reference seed inserts it first.
 */
export async function historyBlockers(db: DataSource): Promise<string[]> {
  const blockers: string[] = [];
  const demoRules = new Map(
    timerRuleSeeds().map((r) => [
      `${r.whistleType}/${r.priority}`,
      [r.acceptMinutes, r.arriveMinutes, r.resolveMinutes].join('/'),
    ]),
  );
  const rules = await db.query<RuleRow[]>(
    'SELECT whistle_type, priority, accept_minutes, arrive_minutes, resolve_minutes FROM timer_rules',
  );
  const changedRules = rules.filter(
    (r) =>
      demoRules.get(`${r.whistle_type}/${r.priority}`) !==
      [r.accept_minutes, r.arrive_minutes, r.resolve_minutes].join('/'),
  );
  if (changedRules.length > 0) {
    const which = changedRules.map((r) => `${r.whistle_type}/${r.priority}`);
    blockers.push(`timer rules differ from the demo's (${listed(which)})`);
  }
  const specs = new Map(userSeeds(demoLayout()).map((u) => [u.username, u]));
  const users = await db.query<{ username: string; role: string; active: boolean }[]>(
    'SELECT username, role, active FROM users WHERE username = ANY($1)',
    [[...specs.keys()]],
  );
  const changedUsers = users.filter((u) => !u.active || specs.get(u.username)?.role !== u.role);
  if (changedUsers.length > 0) {
    blockers.push(
      `demo accounts are inactive or have another role (${listed(changedUsers.map((u) => u.username))})`,
    );
  }
  return blockers;
}

function listed(names: string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}
