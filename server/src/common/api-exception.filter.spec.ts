import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ApiExceptionFilter } from './api-exception.filter';

/** Runs the filter on `exception` and returns the status and body it sends. */
function answer(exception: unknown): { status: number; body: unknown } {
  const sent = { status: 0, body: undefined as unknown };
  const res = {
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
});
