import {
  ConflictException,
  HttpException,
  Injectable,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from '@whistle/shared';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthedRequest } from '../access/decorators';
import { runWithClaim, type IdempotencyClaim } from './idempotency-context';
import { fingerprintOf, idempotencyKeyOf, routeOf } from './idempotency-request';
import { IdempotencyService, type ClaimOutcome } from './idempotency.service';

export const IDEMPOTENT_OPTIONS = 'whistle:idempotent';

export interface IdempotentOptions {
  /** The answer holds a secret shown once (a temporary password, an API key): never stored. */
  withholdAnswer?: boolean;
}

/**
 * Errors worth replaying are decisions about the request itself (403, 404, 422 …). Not stored, so
 * a retry with the same key runs again: 5xx and outages, 409 (state may change), 429 and 408/425
 * (timing), 400 and 401 (the request never started: nothing was decided).
 */
const RETRYABLE_4XX = new Set([400, 401, 408, 409, 425, 429]);

export function storesError(status: number): boolean {
  return status >= 400 && status < 500 && !RETRYABLE_4XX.has(status);
}

/** Gives a repeat with the same Idempotency-Key the first answer (see README, "Idempotency-Key"). */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const key = idempotencyKeyOf(req);
    if (key === undefined) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    const options = this.reflector.get<IdempotentOptions | undefined>(
      IDEMPOTENT_OPTIONS,
      context.getHandler(),
    );
    if (!req.user) throw new Error('@Idempotent() needs an authenticated route');
    const claim = { scope: `user:${req.user.id}`, key, method: req.method, route: routeOf(req) };
    return from(this.handle(claim, req, res, next, options ?? {}));
  }

  private async handle(
    claim: IdempotencyClaim,
    req: AuthedRequest,
    res: Response,
    next: CallHandler,
    options: IdempotentOptions,
  ): Promise<unknown> {
    const outcome = await this.idempotency.claim(claim, await fingerprintOf(req));
    if (outcome.kind !== 'run') return answerRepeat(outcome, res);
    let value: unknown;
    try {
      value = await runWithClaim(claim, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (err) {
      const status = err instanceof HttpException ? err.getStatus() : 500;
      if (storesError(status)) {
        await this.idempotency.complete(claim, status, (err as HttpException).getResponse());
      } else {
        await this.idempotency.release(claim);
      }
      throw err;
    }
    await this.idempotency.complete(claim, res.statusCode, value, options.withholdAnswer === true);
    return value;
  }
}

/** What a repeat gets, short of running: the stored answer, or why there is none. */
export function answerRepeat(outcome: Exclude<ClaimOutcome, { kind: 'run' }>, res: Response): unknown {
  switch (outcome.kind) {
    case 'replay':
      res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      if (outcome.status >= 400) throw new HttpException(outcome.body as object, outcome.status);
      res.status(outcome.status);
      return outcome.body;
    case 'in_flight':
      res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
      throw new ConflictException({
        message: `A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed; retry in ${outcome.retryAfterSeconds} s`,
        fields: { [IDEMPOTENCY_KEY_HEADER]: ['in use by a request still in flight'] },
      });
    case 'mismatch':
      throw new UnprocessableEntityException({
        message: `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request body; use a new key for a new request`,
        fields: { [IDEMPOTENCY_KEY_HEADER]: ['already used with a different request body'] },
      });
    case 'withheld':
      res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      throw new ConflictException({
        message: `A request with this ${IDEMPOTENCY_KEY_HEADER} already succeeded (${outcome.status}); its answer held a secret shown once and is not kept`,
        fields: { [IDEMPOTENCY_KEY_HEADER]: ['already used by a request that succeeded'] },
      });
    case 'answer_lost':
      throw new ConflictException({
        message: `A request with this ${IDEMPOTENCY_KEY_HEADER} was carried out, but its answer was lost; look the result up instead of sending it again`,
        fields: { [IDEMPOTENCY_KEY_HEADER]: ['already used by a request that was carried out'] },
      });
  }
}
