import { incidentActions, mayBlowWhistle } from './incident-actions';

describe('incident actions', () => {
  const incident = { status: 'reported' as const };
  it('lets the street register or reject a reported incident and hides the system’s progress', () => {
    expect(incidentActions({ ...baseIncident(), ...incident }, 'street_operator')).toEqual([
      'register',
      'reject',
      'merge',
    ]);
    expect(incidentActions({ ...baseIncident(), status: 'reported' }, 'dept_officer')).toEqual([]);
  });

  it('shows the whistle to triage roles on whistleable incidents only', () => {
    expect(mayBlowWhistle({ status: 'registered' }, 'street_operator')).toBe(true);
    expect(mayBlowWhistle({ status: 'reported' }, 'street_operator')).toBe(false);
    expect(mayBlowWhistle({ status: 'registered' }, 'dept_officer')).toBe(false);
    expect(mayBlowWhistle({ status: 'closed' }, 'district_operator')).toBe(false);
  });
});

function baseIncident() {
  return {
    id: 'i1',
    title: 't',
    description: null,
    category: 'noise',
    priority: 'normal' as const,
    source: 'operator' as const,
    status: 'reported' as const,
    location: { lng: 0, lat: 0 },
    gridId: 'g',
    communityId: 'c',
    streetId: 's1',
    districtId: 'd',
    rejectReason: null,
    mergedIntoId: null,
    overdue: false,
    standing: null,
    createdAt: '',
    updatedAt: '',
  };
}
