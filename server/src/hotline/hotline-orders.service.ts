import { BadRequestException, Injectable } from '@nestjs/common';
import type { HotlineOrderResult, HotlineSatisfactionResult } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { notFound } from '../common/errors';
import { ChangeRecorder } from '../events/change-recorder.service';
import { recordCitizenSatisfaction } from '../incidents/citizen-satisfaction';
import { lockIncident } from '../incidents/incident-lock';
import { HotlinePlaces } from './hotline-places.service';
import { checkRow, normaliseRecord } from './hotline-row';
import { satisfactionOf } from './hotline-vocabulary';
import { incidentIdsOfOrders, writeHotlineOrders } from './hotline-writer';

/** One order at a time: the hotline's webhook and its satisfaction call-backs (回访). */
@Injectable()
export class HotlineOrdersService {
  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly places: HotlinePlaces,
  ) {}

  /** Same checks and same write path as a batch file; a refused order is a 400 naming its fields. */
  async receive(user: AuthUser, body: unknown): Promise<HotlineOrderResult> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new BadRequestException({
        message: 'Invalid request: the body must be one order (a JSON object)',
      });
    }
    const { record, unknown } = normaliseRecord(body as Record<string, unknown>);
    const result = checkRow(1, record, await this.places.locatorFor(user.districtId));
    const fields: Record<string, string[]> = {};
    for (const key of unknown) fields[key] = ['is not a field of a hotline order'];
    if (!result.ok) for (const e of result.errors) (fields[e.field] ??= []).push(e.message);
    if (!result.ok || unknown.length > 0) {
      throw new BadRequestException({
        message: `Invalid request: ${Object.keys(fields).join(', ')}`,
        fields,
      });
    }
    const [written] = await this.recorder.run((tx) => writeHotlineOrders(tx, [result.order], user.id));
    if (!written) throw new Error('writing one order answered nothing');
    return written;
  }

  async recordSatisfaction(
    user: AuthUser,
    orderNo: string,
    result: string,
  ): Promise<HotlineSatisfactionResult> {
    const satisfaction = satisfactionOf(result);
    if (!satisfaction) {
      throw new BadRequestException({
        message: 'Invalid request: result',
        fields: {
          result: ['must be 满意, 基本满意 or 不满意 (or satisfied, basically_satisfied, dissatisfied)'],
        },
      });
    }
    return this.recorder.run(async (tx) => {
      const incidentId = (await incidentIdsOfOrders(tx, [orderNo])).get(orderNo);
      const incident = incidentId ? await lockIncident(tx.manager, incidentId) : null;
      // Another district's order is as unknown here as a missing one.
      if (!incident || incident.districtId !== user.districtId) throw notFound('hotline order', orderNo);
      await recordCitizenSatisfaction(tx, user.id, [{ incidentId: incident.id, result: satisfaction }]);
      return { orderNo, incidentId: incident.id, citizenSatisfaction: satisfaction };
    });
  }
}
