import {
  resolveStageLimits,
  stageDeadlines,
  type DepartmentView,
  type Priority,
  type StageDeadlines,
  type TimerRule,
  type WhistleType,
} from '@whistle/shared';

/** The departments that handle a category (their stored categories, an admin's setting), as ids. */
export function suggestedDepartmentIds(category: string, departments: readonly DepartmentView[]): string[] {
  return departments.filter((d) => d.categories.includes(category)).map((d) => d.id);
}

/** The departments that handle the category first, then the rest, each group by code. */
export function orderDepartments(category: string, departments: readonly DepartmentView[]): DepartmentView[] {
  const rank = (d: DepartmentView) => (d.categories.includes(category) ? 0 : 1);
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
