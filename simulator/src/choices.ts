import { chance, pick, weighted, type Random } from '@whistle/demo';
import type { CategoryCode, IncidentSource, Priority, WhistleType } from '@whistle/shared';

/** Grid workers find most problems on patrol; 12345 orders come next; operators spot some on video. */
export const SOURCE_WEIGHTS: readonly (readonly [IncidentSource, number])[] = [
  ['grid_worker', 50],
  ['hotline_12345', 35],
  ['operator', 15],
];

const DANGEROUS: readonly CategoryCode[] = ['gas_leak', 'fire_hazard', 'safety_production'];
const UTILITY_FAULTS: readonly CategoryCode[] = ['water_supply', 'power_outage', 'drainage'];
/** Matters that drag on and cross departments: candidates for a tough-problem whistle (攻坚哨). */
const STUBBORN: readonly CategoryCode[] = [
  'illegal_construction',
  'property_management',
  'environment',
  'noise',
  'labor_dispute',
  'public_security',
];

export function choosePriority(rng: Random, category: CategoryCode): Priority {
  if (DANGEROUS.includes(category)) {
    return weighted(rng, [
      ['urgent', 4],
      ['high', 4],
      ['normal', 2],
    ]);
  }
  return weighted(rng, [
    ['low', 15],
    ['normal', 60],
    ['high', 19],
    ['urgent', 6],
  ]);
}

export function chooseWhistleType(rng: Random, category: CategoryCode, priority: Priority): WhistleType {
  if (priority === 'urgent') return 'emergency';
  if (DANGEROUS.includes(category) || UTILITY_FAULTS.includes(category)) {
    if (chance(rng, 0.55)) return 'emergency';
  }
  if (STUBBORN.includes(category) && chance(rng, 0.14)) return 'tough';
  return chance(rng, 0.3) ? 'key_work' : 'enforcement';
}

/**
 * The departments to summon: the category's first suggestion always, the others often, and now and
 * then one more the matter really needs — which is how most of the district's departments report in.
 */
export function chooseDepartments(
  rng: Random,
  suggested: readonly string[],
  allCodes: readonly string[],
  refused: ReadonlySet<string>,
): string[] {
  const usable = suggested.filter((c) => !refused.has(c) && allCodes.includes(c));
  const chosen = usable.filter((_, i) => i === 0 || chance(rng, 0.45));
  const others = allCodes.filter((c) => !chosen.includes(c) && !refused.has(c));
  if ((chosen.length === 0 || chance(rng, 0.2)) && others.length > 0) chosen.push(pick(rng, others));
  return chosen;
}
