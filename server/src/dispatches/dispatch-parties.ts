import {
  DISPATCH_MACHINE,
  actionsFrom,
  isDistrictWide,
  partiesOfRole,
  type DispatchAction,
  type DispatchParty,
} from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import type { Dispatch } from './dispatch.entity';

type DispatchScope = Pick<
  Dispatch,
  'direction' | 'assigneeKind' | 'departmentId' | 'leaderUserId' | 'streetId'
>;

/** Which parties of this dispatch the user plays: their role must fit and so must their scope. */
export function partiesOf(user: AuthUser, d: DispatchScope): DispatchParty[] {
  return partiesOfRole(user.role, d.direction, d.assigneeKind).filter((party) => {
    switch (party) {
      case 'assignee':
        if (d.direction === 'dept_to_street') return user.streetId === d.streetId;
        return d.assigneeKind === 'leader'
          ? user.id === d.leaderUserId
          : user.departmentId === d.departmentId;
      case 'requester':
        if (d.direction === 'street_to_dept') return user.streetId === d.streetId;
        // A task the district command sent down names no department: the district command asked.
        return d.departmentId === null
          ? user.role === 'district_operator'
          : user.departmentId === d.departmentId;
      case 'oversight':
        return true;
    }
  });
}

export function canSeeDispatch(user: AuthUser, d: DispatchScope): boolean {
  return isDistrictWide(user.role) || partiesOf(user, d).length > 0;
}

/** What the user may do next: the state machine's actions for the parties they play. */
export function dispatchActionsForUser(
  user: AuthUser,
  d: DispatchScope & Pick<Dispatch, 'status'>,
): DispatchAction[] {
  return actionsFrom(DISPATCH_MACHINE, d.status, partiesOf(user, d));
}
