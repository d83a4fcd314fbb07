import type { DispatchView } from '@whistle/shared';
import { dispatchActions, taskActions } from './dispatch-actions';
import { dispatchView } from '../../test/factories';

describe('dispatch actions come from the shared state machine', () => {
  it.each<[DispatchView['status'], string[]]>([
    ['pending', ['accept', 'reject']],
    ['accepted', ['arrive']],
    ['arrived', ['resolve']],
    ['reopened', ['arrive', 'resolve']],
    ['resolved', []],
    ['verified', []],
  ])('a duty officer on a %s dispatch gets %j', (status, expected) => {
    expect(dispatchActions(dispatchView({ status }), 'dept_officer')).toEqual(expected);
  });

  it('gives the street verify, reopen and cancel as the requester', () => {
    expect(dispatchActions(dispatchView({ status: 'resolved' }), 'street_operator')).toEqual([
      'verify',
      'reopen',
    ]);
    expect(dispatchActions(dispatchView({ status: 'accepted' }), 'street_operator')).toEqual(['cancel']);
  });

  it('prefers the server’s scope-checked actions when it sent them', () => {
    expect(dispatchActions(dispatchView({ status: 'pending', actions: [] }), 'dept_officer')).toEqual([]);
  });
});

describe('tasks sent down to a street', () => {
  const task = dispatchView({ direction: 'dept_to_street', assigneeKind: 'street', status: 'pending' });

  it('offers return only when the category is off the admission list', () => {
    expect(taskActions(task, 'street_operator', ['sanitation'])).toEqual(['accept', 'reject']);
    expect(taskActions(task, 'street_operator', ['street_vending', 'sanitation'])).toEqual(['accept']);
  });

  it('holds the return back until the admission list has loaded', () => {
    expect(taskActions(task, 'street_operator', undefined)).toEqual(['accept']);
  });

  it('leaves the department that sent it only its requester actions', () => {
    expect(taskActions(task, 'dept_officer', [])).toEqual(['cancel']);
  });
});
