import { deriveIncidentStatus, incidentActionsFor, nextIncidentStatus } from './incident-machine';

describe('incident state machine', () => {
  it('lets triage register, reject or merge a reported incident, and close a verified one', () => {
    expect(nextIncidentStatus('reported', 'register')).toBe('registered');
    expect(nextIncidentStatus('reported', 'reject')).toBe('rejected');
    expect(nextIncidentStatus('registered', 'merge')).toBe('merged');
    expect(nextIncidentStatus('verified', 'close')).toBe('closed');
    expect(nextIncidentStatus('dispatched', 'close')).toBeUndefined();
  });

  it('gives these actions to street and district operators only', () => {
    expect(incidentActionsFor('reported', 'street_operator')).toEqual(['register', 'reject', 'merge']);
    expect(incidentActionsFor('reported', 'dept_officer')).toEqual([]);
    expect(incidentActionsFor('reported', 'grid_worker')).toEqual([]);
    expect(incidentActionsFor('verified', 'district_operator')).toEqual(['close']);
  });

  describe('derived from its dispatches', () => {
    it.each([
      [['pending', 'pending'], 'dispatched'],
      [['pending', 'accepted'], 'in_progress'],
      [['arrived', 'resolved'], 'in_progress'],
      [['resolved', 'verified'], 'resolved'],
      [['verified', 'verified'], 'verified'],
      [['verified', 'reopened'], 'reopened'],
      [['rejected', 'resolved'], 'resolved'],
      [['rejected', 'cancelled'], 'registered'],
      [[], 'registered'],
    ] as const)('%j → %s', (statuses, expected) => {
      expect(deriveIncidentStatus(statuses)).toBe(expected);
    });
  });
});
