import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CONTENT_TYPES, formatOfPath, renderDocument } from './open311-format';
import { Open311Error, type Open311ErrorItem } from './open311-error';

/**
 * Every error under /open311 leaves in the spec's error format, in the format the path asked for:
 * Whistle's own 4xx (validation, auth) are translated, anything unexpected is a 500 naming nothing.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(Open311ExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const { status, errors } = this.toErrors(exception);
    sendOpen311Errors(res, formatOfPath(req.path), status, errors);
  }

  private toErrors(exception: unknown): { status: number; errors: Open311ErrorItem[] } {
    if (exception instanceof Open311Error) return { status: exception.getStatus(), errors: exception.errors };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, errors: [{ code: status, description: describe(exception) }] };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { status: 500, errors: [{ code: 500, description: 'Internal server error' }] };
  }
}

export function sendOpen311Errors(
  res: Response,
  format: 'json' | 'xml',
  status: number,
  errors: Open311ErrorItem[],
): void {
  res
    .status(status)
    .type(CONTENT_TYPES[format])
    .send(
      renderDocument(
        format,
        'errors',
        errors.map((e) => ({ code: e.code, description: e.description })),
      ),
    );
}

function describe(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const { message, fields } = response as { message?: unknown; fields?: Record<string, string[]> };
  const text = typeof message === 'string' ? message : exception.message;
  if (!fields) return text;
  return Object.entries(fields)
    .map(([field, messages]) => `${field} ${messages.join(', ')}`)
    .join('; ');
}
