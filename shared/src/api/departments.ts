import type { DepartmentView } from './views';

/** POST /api/departments (admin): a new department or utility and the categories it handles. */
export interface CreateDepartmentRequest {
  /** Lower-case letters, digits and dashes; unique (409 when taken). */
  code: string;
  nameZh: string;
  nameEn: string;
  kind: DepartmentView['kind'];
  /** Category codes of shared CATEGORIES. */
  categories: string[];
}

/** PATCH /api/departments/:id (admin): any of the fields; the code too, while unique. */
export type UpdateDepartmentRequest = Partial<CreateDepartmentRequest>;
