import type { User } from './user.entity';

/** A row of the users table as other modules see it: the entity and its relations stay in users. */
export type UserAccount = Omit<User, 'district' | 'street' | 'department'>;

/** A new account: everything but what the database fills in. */
export type NewAccount = Pick<
  UserAccount,
  | 'username'
  | 'displayName'
  | 'role'
  | 'passwordHash'
  | 'districtId'
  | 'streetId'
  | 'departmentId'
  | 'mustChangePassword'
>;

/** What an administrator may change of an account besides its password and grids. */
export type AccountChanges = Pick<
  UserAccount,
  'displayName' | 'active' | 'role' | 'streetId' | 'departmentId'
>;
