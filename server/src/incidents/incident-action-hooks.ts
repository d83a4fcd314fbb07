import { Injectable } from '@nestjs/common';
import type { IncidentAction } from '@whistle/shared';
import type { RecordingTx } from '../events/event-log';
import type { IncidentRow } from './incident-row';

/** Runs inside the transaction firing `action`, after its checks, before the new status is saved. */
export type IncidentActionHook = (tx: RecordingTx, incident: IncidentRow, actorId: string) => Promise<void>;

/**
 * What modules above incidents do when a person fires an incident's action, in the same
 * transaction: the dispatches module stands down leaders still summoned when an incident closes,
 * and refuses to merge one with work under way (dispatches/incident-action-rules.ts). They register
 * here at start, so the incidents module depends on none of them; a hook that throws refuses the
 * action and nothing of it is written.
 */
@Injectable()
export class IncidentActionHooks {
  private readonly hooks = new Map<IncidentAction, IncidentActionHook[]>();

  on(action: IncidentAction, hook: IncidentActionHook): void {
    this.hooks.set(action, [...(this.hooks.get(action) ?? []), hook]);
  }

  async run(action: IncidentAction, tx: RecordingTx, incident: IncidentRow, actorId: string): Promise<void> {
    for (const hook of this.hooks.get(action) ?? []) await hook(tx, incident, actorId);
  }
}
