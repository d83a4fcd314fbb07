import type { IsoTime } from './views';

/**
 * A department's own standing over a period (the duty console's 本月得分 card): its score and
 * rank among the district's departments, and nothing of any other department (背对背). The
 * ratings it weighs are those published to departments (daily snapshots of at least five
 * ratings), as everywhere a department looks, so no single mark can be read from a change.
 */
export interface DepartmentStandingView {
  from: IsoTime;
  to: IsoTime;
  departmentId: string;
  /** Dispatches sent to the department in the period. */
  dispatches: number;
  /** 0..100 (departmentScore). */
  score: number;
  /** 1-based; departments with equal scores share a rank. */
  rank: number;
  /** How many departments were ranked. */
  ranked: number;
}
