import {
  CATEGORIES,
  resolveStageLimits,
  stageDeadlines,
  type DepartmentView,
  type Priority,
  type StageDeadlines,
  type TimerRule,
  type WhistleType,
} from '@whistle/shared';

/** The departments a category usually summons (shared categories), as ids of the loaded departments. */
export function suggestedDepartmentIds(category: string, departments: readonly DepartmentView[]): string[] {
  const codes: readonly string[] = CATEGORIES.find((c) => c.code === category)?.suggestedDepartments ?? [];
  return departments.filter((d) => codes.includes(d.code)).map((d) => d.id);
}

/** Suggested departments first (in the category's order), then the rest by code, so the usual ones lead. */
export function orderDepartments(category: string, departments: readonly DepartmentView[]): DepartmentView[] {
  const codes: readonly string[] = CATEGORIES.find((c) => c.code === category)?.suggestedDepartments ?? [];
  const rank = (d: DepartmentView) => {
    const i = codes.indexOf(d.code);
    return i < 0 ? codes.length : i;
  };
  return [...departments].sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
}

/** The stage deadlines a whistle blown now would get: the server's timer rules, resolved the shared way. */
export function previewDeadlines(
  rules: readonly TimerRule[],
  type: WhistleType,
  priority: Priority,
  now: Date,
): StageDeadlines {
  return stageDeadlines(now, resolveStageLimits(rules, type, priority));
}
