import type { EntityManager } from 'typeorm';
import { User } from './user.entity';
import type { NewAccount, UserAccount } from './user-account';

/*
 * Writes and checks on the users table over a given manager. UsersService uses them inside Nest;
 * the create-admin command, which runs outside Nest in its own transaction, calls them directly.
 */

export function anyAdminExists(manager: EntityManager): Promise<boolean> {
  return manager.existsBy(User, { role: 'admin' });
}

export function usernameTaken(manager: EntityManager, username: string): Promise<boolean> {
  return manager.existsBy(User, { username });
}

/** Active from the start; the answer carries what the database filled in (id, dates). */
export function insertAccount(manager: EntityManager, account: NewAccount): Promise<UserAccount> {
  return manager.save(manager.create(User, { ...account, active: true }));
}
