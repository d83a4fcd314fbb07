import {
  BadRequestException,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
  type ArgumentsHost,
} from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';

/** Runs the filter on `exception` and returns the status, body and headers it sends. */
function answer(
  exception: unknown,
  headersSet: Record<string, string> = {},
): { status: number; body: unknown; headers: Record<string, string> } {
  const sent = { status: 0, body: undefined as unknown, headers: { ...headersSet } };
  const res = {
    getHeader(name: string) {
      return sent.headers[name];
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
      return res;
    },
    status(code: number) {
      sent.status = code;
      return res;
    },
    json(body: unknown) {
      sent.body = body;
      return res;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => res }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter', () => {
  it('names the body as the field of a 400 that names none (a parser refusing the request)', () => {
    expect(answer(new BadRequestException('Unexpected token 0 in JSON'))).toEqual({
      status: 400,
      headers: {},
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Unexpected token 0 in JSON',
        fields: { body: ['Unexpected token 0 in JSON'] },
      },
    });
  });

  it('keeps the fields a 400 already names', () => {
    const exception = new BadRequestException({
      message: 'Invalid request: title',
      fields: { title: ['too short'] },
    });
    expect(answer(exception).body).toMatchObject({ fields: { title: ['too short'] } });
  });

  it('adds no fields to other errors', () => {
    expect(answer(new NotFoundException('incident x not found')).body).not.toHaveProperty('fields');
  });

  describe('PostgreSQL unable to answer', () => {
    // Outages and 500s are logged; the test asserts the answers, not the log lines.
    beforeAll(() => {
      Logger.overrideLogger(false);
    });
    afterAll(() => {
      Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']);
    });

    /** A server error as node-postgres reports it, wrapped as TypeORM hands it on. */
    const serverError = (code: string, message: string) =>
      new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code, severity: 'FATAL' }));
    const networkError = (code: string) =>
      Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });

    it.each<[string, unknown]>([
      ['connection refused', networkError('ECONNREFUSED')],
      [
        'connection refused on every address',
        Object.assign(new AggregateError([networkError('ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
      ],
      ['connection reset', networkError('ECONNRESET')],
      ['host name not resolving', networkError('EAI_AGAIN')],
      [
        'the connection ending under a query',
        new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
      ],
      [
        'no connection within the connect timeout',
        new Error('Connection terminated due to connection timeout'),
      ],
      ['no free connection of the pool in time', new Error('timeout exceeded when trying to connect')],
      [
        'a client already broken',
        new Error('Client has encountered a connection error and is not queryable'),
      ],
      ['57P01 admin_shutdown', serverError('57P01', 'terminating connection due to administrator command')],
      [
        '57P02 crash_shutdown',
        serverError('57P02', 'terminating connection because of crash of another server process'),
      ],
      ['57P03 cannot_connect_now', serverError('57P03', 'the database system is shutting down')],
      ['53300 too_many_connections', serverError('53300', 'sorry, too many clients already')],
      ['08006 connection_failure', serverError('08006', 'connection failure')],
      ['08P01 protocol_violation', serverError('08P01', 'protocol violation')],
    ])('%s is a 503 with Retry-After', (_case, exception) => {
      const sent = answer(exception);
      expect(sent.status).toBe(503);
      expect(sent.headers['Retry-After']).toBe('5');
      expect(sent.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is unavailable; try again shortly',
        code: 'database_unavailable',
      });
    });

    it('a statement over its time limit (57014) is a 503 that says so', () => {
      const sent = answer(serverError('57014', 'canceling statement due to statement timeout'));
      expect(sent.status).toBe(503);
      expect(sent.headers['Retry-After']).toBe('5');
      expect(sent.body).toMatchObject({
        code: 'database_timeout',
        message: expect.stringMatching(/did not answer in time/),
      });
    });

    it('a query the server never answered (the client’s own limit) is a 503 that says so', () => {
      const sent = answer(new QueryFailedError('SELECT 1', [], new Error('Query read timeout')));
      expect(sent.status).toBe(503);
      expect(sent.headers['Retry-After']).toBe('5');
      expect(sent.body).toMatchObject({ code: 'database_timeout' });
    });

    it('keeps a Retry-After already set', () => {
      expect(
        answer(new ServiceUnavailableException('Rate limits are unavailable'), { 'Retry-After': '9' })
          .headers,
      ).toEqual({
        'Retry-After': '9',
      });
    });

    it('a unique violation no service named the field of is a plain 409, not a 500', () => {
      const violation = new QueryFailedError(
        'INSERT INTO "departments" …',
        [],
        Object.assign(new Error('duplicate key value violates unique constraint "UQ_x"'), {
          code: '23505',
          severity: 'ERROR',
          constraint: 'UQ_x',
        }),
      );
      expect(answer(violation)).toEqual({
        status: 409,
        headers: {},
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: 'The request conflicts with an existing record',
        },
      });
    });

    it.each<[string, unknown]>([
      ['a syntax error', serverError('42601', 'syntax error at or near "SELEC"')],
      ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
      [
        'a failed HTTP fetch elsewhere',
        Object.assign(new TypeError('fetch failed'), { cause: networkError('ECONNREFUSED') }),
      ],
    ])('%s stays a 500 without Retry-After', (_case, exception) => {
      const sent = answer(exception);
      expect(sent.status).toBe(500);
      expect(sent.headers).toEqual({});
    });

    it('a client aborting its upload stays a 400', () => {
      const aborted = Object.assign(new Error('request aborted'), {
        code: 'ECONNABORTED',
        status: 400,
        type: 'request.aborted',
      });
      expect(answer(aborted).status).toBe(400);
    });
  });
});
