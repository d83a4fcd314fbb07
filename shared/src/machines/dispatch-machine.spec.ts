import {
  DISPATCH_ACTIONS,
  DISPATCH_MACHINE,
  DISPATCH_STATUSES,
  dispatchActionsFor,
  dispatchPartyRoles,
  nextDispatchStatus,
} from './dispatch-machine';
import { allActionsFrom } from './state-machine';

describe('dispatch state machine', () => {
  it('walks the happy path pending → accepted → arrived → resolved → verified', () => {
    expect(nextDispatchStatus('pending', 'accept')).toBe('accepted');
    expect(nextDispatchStatus('accepted', 'arrive')).toBe('arrived');
    expect(nextDispatchStatus('arrived', 'resolve')).toBe('resolved');
    expect(nextDispatchStatus('resolved', 'verify')).toBe('verified');
  });

  it('sends a failed verification back to work and lets it be resolved again', () => {
    expect(nextDispatchStatus('resolved', 'reopen')).toBe('reopened');
    expect(nextDispatchStatus('reopened', 'resolve')).toBe('resolved');
    expect(nextDispatchStatus('reopened', 'arrive')).toBe('arrived');
  });

  it('has no way out of the final statuses', () => {
    for (const status of ['verified', 'rejected', 'cancelled'] as const) {
      expect(allActionsFrom(DISPATCH_MACHINE, status)).toEqual([]);
    }
  });

  it('refuses what the table does not list', () => {
    expect(nextDispatchStatus('pending', 'resolve')).toBeUndefined();
    expect(nextDispatchStatus('accepted', 'reject')).toBeUndefined();
    expect(nextDispatchStatus('verified', 'cancel')).toBeUndefined();
  });

  it('names only known statuses and actions, and every status but the final ones has a way forward', () => {
    for (const t of DISPATCH_MACHINE) {
      expect(DISPATCH_ACTIONS).toContain(t.action);
      expect(DISPATCH_STATUSES).toContain(t.to);
      t.from.forEach((s) => expect(DISPATCH_STATUSES).toContain(s));
    }
    for (const s of ['pending', 'accepted', 'arrived', 'resolved', 'reopened'] as const) {
      expect(allActionsFrom(DISPATCH_MACHINE, s).length).toBeGreaterThan(0);
    }
  });

  it('gives each role its side of a whistle: the department works, the street verifies', () => {
    expect(dispatchActionsFor('pending', 'dept_officer', 'street_to_dept', 'department')).toEqual([
      'accept',
      'reject',
    ]);
    expect(dispatchActionsFor('pending', 'street_operator', 'street_to_dept', 'department')).toEqual([
      'cancel',
    ]);
    expect(dispatchActionsFor('resolved', 'street_operator', 'street_to_dept', 'department')).toEqual([
      'verify',
      'reopen',
    ]);
    expect(dispatchActionsFor('resolved', 'dept_officer', 'street_to_dept', 'department')).toEqual([]);
    expect(dispatchActionsFor('pending', 'district_operator', 'street_to_dept', 'department')).toEqual([
      'cancel',
    ]);
    expect(dispatchActionsFor('pending', 'grid_worker', 'street_to_dept', 'department')).toEqual([]);
  });

  it('flips the sides for a task sent down, and gives a leader summons to the leader', () => {
    expect(dispatchActionsFor('pending', 'street_operator', 'dept_to_street', 'street')).toEqual([
      'accept',
      'reject',
    ]);
    expect(dispatchActionsFor('resolved', 'dept_officer', 'dept_to_street', 'street')).toEqual([
      'verify',
      'reopen',
    ]);
    expect(dispatchPartyRoles('street_to_dept', 'leader').assignee).toEqual(['district_leader']);
    expect(dispatchActionsFor('pending', 'district_leader', 'street_to_dept', 'leader')).toEqual([
      'accept',
      'reject',
    ]);
  });
});
