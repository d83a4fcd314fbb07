import type { DispatchView } from '@whistle/shared';
import type { AnyLiveEvent } from '../live/types';
import {
  blinkTitle,
  isIncomingDispatch,
  loadSoundEnabled,
  newDispatchIds,
  saveSoundEnabled,
  shouldBeep,
} from './alert';

const created = (patch: Partial<DispatchView>): AnyLiveEvent =>
  ({
    id: '7',
    type: 'dispatch.created',
    occurredAt: '2026-01-01T00:00:00Z',
    payload: { id: 'd1', direction: 'street_to_dept', departmentId: 'dep1', ...patch },
  }) as AnyLiveEvent;

describe('new-dispatch alert', () => {
  it('blinks the title on even ticks while alerting and leaves it alone otherwise', () => {
    expect(blinkTitle('值班台', 0, true)).toBe('【新派单】值班台');
    expect(blinkTitle('值班台', 1, true)).toBe('值班台');
    expect(blinkTitle('值班台', 2, true)).toBe('【新派单】值班台');
    expect(blinkTitle('值班台', 0, false)).toBe('值班台');
  });

  it('rings for a dispatch to the officer’s own department only', () => {
    expect(isIncomingDispatch(created({}), 'dep1')).toBe(true);
    expect(isIncomingDispatch(created({ departmentId: 'dep2' }), 'dep1')).toBe(false);
    expect(isIncomingDispatch(created({ direction: 'dept_to_street' }), 'dep1')).toBe(false);
    const updated = { ...created({}), type: 'dispatch.updated' } as AnyLiveEvent;
    expect(isIncomingDispatch(updated, 'dep1')).toBe(false);
  });

  it('picks the ids of created dispatches out of a batch', () => {
    const metrics = { id: '8', type: 'metrics.updated', occurredAt: '', payload: {} } as AnyLiveEvent;
    expect(newDispatchIds([created({ id: 'a' }), metrics, created({ id: 'b' })])).toEqual(['a', 'b']);
  });

  it('beeps only when sound is on and a gesture has unlocked audio', () => {
    expect(shouldBeep({ enabled: true, unlocked: true })).toBe(true);
    expect(shouldBeep({ enabled: true, unlocked: false })).toBe(false);
    expect(shouldBeep({ enabled: false, unlocked: true })).toBe(false);
  });

  it('remembers the sound choice, on by default', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(loadSoundEnabled(storage)).toBe(true);
    saveSoundEnabled(storage, false);
    expect(loadSoundEnabled(storage)).toBe(false);
    saveSoundEnabled(storage, true);
    expect(loadSoundEnabled(storage)).toBe(true);
  });
});
