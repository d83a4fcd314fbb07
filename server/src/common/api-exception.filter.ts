import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@whistle/shared';
import {
  DATABASE_OUTAGE_MESSAGES,
  DATABASE_RETRY_AFTER_SECONDS,
  databaseOutage,
} from './database-unavailable';
import { uniqueViolationOf } from './unique-violation';

/**
 * Every error leaves as an ApiErrorBody. Known HTTP errors keep their status and details;
 * body-parser errors (bad JSON, too large) become 400/413; PostgreSQL unreachable or over its
 * statement limit is a 503 with Retry-After (an outage, not a fault of the request or the code);
 * a unique violation no service mapped to its field is a plain 409; anything else is logged and is
 * a 500 that names nothing internal.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    // Every 503 says when to come back; one that already did (a rate limiter's) keeps its own.
    if (body.statusCode === 503 && !res.getHeader('Retry-After')) {
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const details = typeof response === 'object' ? (response as Partial<ApiErrorBody>) : {};
      const message =
        typeof response === 'string'
          ? response
          : typeof details.message === 'string'
            ? details.message
            : exception.message;
      const body = { ...details, statusCode: status, error: httpErrorName(status), message };
      // A 400 naming no field is about the body as a whole: Nest turns the JSON and multipart
      // parsers' refusals into such BadRequestExceptions before any handler runs.
      return status === 400 && !details.fields ? { ...body, fields: { body: [message] } } : body;
    }
    const bodyParserError = exception as { type?: string; status?: number; message?: string };
    if (bodyParserError.type === 'entity.parse.failed') {
      return { statusCode: 400, error: 'Bad Request', message: 'Request body is not valid JSON' };
    }
    if (bodyParserError.type === 'entity.too.large') {
      return { statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large' };
    }
    if (
      typeof bodyParserError.status === 'number' &&
      bodyParserError.status >= 400 &&
      bodyParserError.status < 500
    ) {
      return {
        statusCode: bodyParserError.status,
        error: httpErrorName(bodyParserError.status),
        message: bodyParserError.message ?? 'Bad request',
      };
    }
    const outage = databaseOutage(exception);
    if (outage) {
      // One line, not a stack: during an outage every request lands here.
      this.logger.warn(
        `database ${outage}: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: DATABASE_OUTAGE_MESSAGES[outage],
        code: `database_${outage}`,
      };
    }
    const duplicate = uniqueViolationOf(exception);
    if (duplicate) {
      // The services name the field of the unique constraints a request can break (409 with
      // `fields`); one that reaches here has no such mapping yet: still the request's conflict, not a fault.
      this.logger.warn(
        `unique violation without a field mapping: ${duplicate.constraint ?? 'unnamed constraint'}`,
      );
      return {
        statusCode: 409,
        error: 'Conflict',
        message: 'The request conflicts with an existing record',
      };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

function httpErrorName(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string'
    ? name
        .toLowerCase()
        .split('_')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(' ')
    : 'Error';
}
