import type { DepartmentPeriodRow, StreetPeriodRow } from '@whistle/shared';
import type { Messages } from '../../i18n/zh-CN';
import { count, decimal, percent } from './format';
import type { SortDirection, SortValue } from './sort';

type Section = 'departments' | 'streets';
/** Header texts are i18n keys of the two table sections, so a typo fails the type check. */
export type ColumnLabel =
  | {
      [S in Section]: `leaders.${S}.${keyof Messages['leaders'][S] & string}`;
    }[Section]
  | `cockpit.figures.${Extract<keyof Messages['cockpit']['figures'], string>}`;

/** One column of a ranking table: its header, its cell text and what it sorts by. */
export interface Column<T, K extends string = string> {
  key: K;
  label: ColumnLabel;
  text: (row: T, name: (row: T) => string) => string;
  sortValue: (row: T, name: (row: T) => string) => SortValue;
  /** Direction of the first click: best first (high scores, low overdue counts). */
  natural: SortDirection;
  numeric: boolean;
}

type Named = { nameZh: string; nameEn: string };

function nameColumn<T extends Named>(label: ColumnLabel): Column<T> {
  return {
    key: 'name',
    label,
    text: (r, name) => name(r),
    sortValue: (r, name) => name(r),
    natural: 'asc',
    numeric: false,
  };
}

function numberColumn<T>(
  key: string,
  label: ColumnLabel,
  get: (row: T) => number | null,
  format: (v: number | null) => string,
  natural: SortDirection = 'desc',
): Column<T> {
  return { key, label, text: (r) => format(get(r)), sortValue: (r) => get(r), natural, numeric: true };
}

const countOf = (v: number | null) => (v === null ? '—' : count(v));

export const DEPARTMENT_COLUMNS: Column<DepartmentPeriodRow>[] = [
  numberColumn('rank', 'leaders.departments.rank', (r) => r.rank, countOf, 'asc'),
  nameColumn('leaders.departments.name'),
  numberColumn('dispatches', 'leaders.departments.dispatches', (r) => r.dispatches, countOf),
  numberColumn('onTimeAccept', 'leaders.departments.onTimeAccept', (r) => r.onTimeAcceptRate, percent),
  numberColumn('onTimeArrive', 'leaders.departments.onTimeArrive', (r) => r.onTimeArriveRate, percent),
  numberColumn('onTimeResolve', 'leaders.departments.onTimeResolve', (r) => r.onTimeResolveRate, percent),
  numberColumn(
    'rating',
    'leaders.departments.rating',
    (r) => r.averageRating,
    (v) => decimal(v, 2),
  ),
  numberColumn('overdue', 'leaders.departments.overdue', (r) => r.overdue, countOf, 'asc'),
  numberColumn(
    'score',
    'leaders.departments.score',
    (r) => r.score,
    (v) => decimal(v),
  ),
];

/** Whistles per 100 incidents registered in the period (吹哨率), one decimal. */
const per100 = (rate: number | null) => (rate === null ? '—' : (rate * 100).toFixed(1));

export const STREET_COLUMNS: Column<StreetPeriodRow>[] = [
  numberColumn('rank', 'cockpit.figures.rank', (r) => r.rank, countOf, 'asc'),
  nameColumn('leaders.streets.name'),
  numberColumn('incidents', 'leaders.streets.incidents', (r) => r.incidents, countOf),
  numberColumn('whistles', 'leaders.streets.whistles', (r) => r.whistles, countOf),
  numberColumn('resolution', 'leaders.streets.resolution', (r) => r.resolutionRate, percent),
  numberColumn('verified', 'leaders.streets.verified', (r) => r.verifiedRate, percent),
  numberColumn('satisfaction', 'leaders.streets.satisfaction', (r) => r.satisfactionRate, percent),
  // Fewer whistles per matter is better (小事不出社区): the first click sorts low first.
  numberColumn('whistleRate', 'cockpit.figures.whistleRate', (r) => r.whistleRate, per100, 'asc'),
  numberColumn(
    'score',
    'cockpit.figures.score',
    (r) => r.score,
    (v) => decimal(v),
  ),
];
