import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../access/decorators';
import { runWithClaim } from '../idempotency/idempotency-context';
import { answerRepeat } from '../idempotency/idempotency.interceptor';
import { fingerprintOf, idempotencyKeyOf, routeOf } from '../idempotency/idempotency-request';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { Open311ApiKey } from './open311-api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { discoveryDocument } from './discovery';
import { forbidden311, notFound311, Open311Error, badRequest } from './open311-error';
import { Open311ExceptionFilter } from './open311-exception.filter';
import {
  CONTENT_TYPES,
  parseFormat,
  renderDocument,
  type Open311Format,
  type Open311Value,
} from './open311-format';
import { Open311RateLimiter } from './rate-limiter';
import { Open311RequestsService } from './open311-requests.service';
import { parseSubmission } from './request-form';
import { parseRequestQuery } from './request-query';
import { OPEN311_SERVICES, serviceDefinition } from './service-catalog';

type Form = Record<string, unknown>;

/**
 * Open311 GeoReport v2 at /open311/v2, outside the /api prefix and its bearer tokens: reading is
 * open to anyone (as the spec has it), creating a request needs an api_key. Every answer and every
 * error comes in the format the path ends with.
 */
@ApiExcludeController()
@Public()
@UseFilters(Open311ExceptionFilter)
@Controller('open311/v2')
export class Open311Controller {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly limiter: Open311RateLimiter,
    private readonly requests: Open311RequestsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get('discovery.:format')
  discovery(@Param('format') format: string, @Req() req: Request, @Res() res: Response): void {
    send(
      res,
      formatOf(format),
      'discovery',
      discoveryDocument(`${req.protocol}://${req.get('host') ?? 'localhost'}`),
    );
  }

  @Get('services.:format')
  services(@Param('format') format: string, @Res() res: Response): void {
    send(
      res,
      formatOf(format),
      'services',
      OPEN311_SERVICES.map((s) => ({ ...s })),
    );
  }

  @Get('services/:code.:format')
  definition(@Param('code') code: string, @Param('format') format: string, @Res() res: Response): void {
    const f = formatOf(format);
    const definition = serviceDefinition(code);
    if (!definition) throw notFound311(`service_code ${code} was not found`);
    send(res, f, 'service_definition', {
      service_code: definition.service_code,
      attributes: definition.attributes.map((a) => ({ ...a, values: a.values.map((v) => ({ ...v })) })),
    });
  }

  @Post('requests.:format')
  async create(
    @Param('format') format: string,
    @Body() body: Form | undefined,
    @Query() query: Form,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const f = formatOf(format);
    const form = body ?? {};
    // The spec sends api_key in the form; some clients put it in the query string.
    const given = form.api_key ?? query.api_key;
    if (given === undefined || given === '') throw forbidden311('api_key was not provided');
    const key = typeof given === 'string' ? await this.keys.findActive(given) : null;
    if (!key) throw forbidden311("Invalid api_key received -- can't proceed with create_request");
    const rate = await this.limiter.take(key.id, key.rateLimitPerMinute);
    if (!rate.allowed) {
      res.setHeader('Retry-After', String(rate.retryAfterSeconds));
      throw Open311Error.of(
        429,
        `Too many requests for this api_key; try again in ${rate.retryAfterSeconds} s`,
      );
    }
    send(res, f, 'service_requests', await this.createOnce(key, form, req, res), 201);
  }

  /**
   * An Idempotency-Key here belongs to the api_key's client (there is no user). Only the created
   * answer is stored: a refused request is released, so its retry runs again.
   */
  private async createOnce(
    key: Open311ApiKey,
    form: Form,
    req: Request,
    res: Response,
  ): Promise<Open311Value> {
    const idempotencyKey = idempotencyKeyOf(req);
    const submission = parseSubmission(form);
    if (idempotencyKey === undefined) return this.requests.create(key, submission);
    const claim = {
      scope: `open311:${key.id}`,
      key: idempotencyKey,
      method: req.method,
      route: routeOf(req),
    };
    const outcome = await this.idempotency.claim(claim, await fingerprintOf(req));
    if (outcome.kind !== 'run') return answerRepeat(outcome, res) as Open311Value;
    try {
      const created = await runWithClaim(claim, () => this.requests.create(key, submission));
      await this.idempotency.complete(claim, 201, created);
      return created;
    } catch (err) {
      await this.idempotency.release(claim);
      throw err;
    }
  }

  @Get('requests.:format')
  async list(@Param('format') format: string, @Query() query: Form, @Res() res: Response): Promise<void> {
    const f = formatOf(format);
    send(res, f, 'service_requests', await this.requests.find(parseRequestQuery(query, new Date())));
  }

  @Get('requests/:id.:format')
  async one(@Param('id') id: string, @Param('format') format: string, @Res() res: Response): Promise<void> {
    const f = formatOf(format);
    send(res, f, 'service_requests', await this.requests.findOne(id));
  }

  /** Requests are created synchronously (type realtime), so no token is ever handed out. */
  @Get('tokens/:token.:format')
  token(@Param('token') token: string, @Param('format') format: string): never {
    formatOf(format);
    throw notFound311(`token ${token} was not found: requests are answered with their service_request_id`);
  }
}

function formatOf(value: string): Open311Format {
  const format = parseFormat(value);
  if (!format) throw badRequest(`format ${value} is not supported; use json or xml`);
  return format;
}

function send(res: Response, format: Open311Format, root: string, body: Open311Value, status = 200): void {
  res
    .status(status)
    .type(CONTENT_TYPES[format])
    .send(renderDocument(format, root, body));
}
