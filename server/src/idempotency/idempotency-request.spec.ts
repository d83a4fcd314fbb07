import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import { canonicalJson, fingerprintOf, idempotencyKeyOf, routeOf } from './idempotency-request';

const request = (headers: Record<string, string | string[]>, body?: unknown, url = '/api/x?y=1') =>
  ({ headers, body, originalUrl: url }) as unknown as Request;

describe('Idempotency-Key parsing', () => {
  it('is undefined when the header is absent', () => {
    expect(idempotencyKeyOf(request({}))).toBeUndefined();
  });

  it('accepts a UUID and 255 safe characters', () => {
    expect(idempotencyKeyOf(request({ 'idempotency-key': 'b3f1c0de-1234-4abc-9def-0123456789ab' }))).toBe(
      'b3f1c0de-1234-4abc-9def-0123456789ab',
    );
    expect(idempotencyKeyOf(request({ 'idempotency-key': 'a'.repeat(255) }))).toHaveLength(255);
  });

  it.each([
    ['empty', '', /must not be empty/],
    ['256 characters', 'a'.repeat(256), /at most 255/],
    ['a comma (sent twice)', 'a, b', /may hold only/],
    ['a non-ASCII character', 'clé', /may hold only/],
  ])('refuses %s with a field message', (_case, value, message) => {
    try {
      idempotencyKeyOf(request({ 'idempotency-key': value }));
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(BadRequestException);
      expect((err as BadRequestException).getResponse()).toMatchObject({
        fields: { 'Idempotency-Key': [expect.stringMatching(message)] },
      });
    }
  });
});

describe('request fingerprint', () => {
  it('orders keys at every level, and leaves arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[2,1]},"b":1}',
    );
  });

  it('is the same for the same body in another key order, and differs for another body', async () => {
    const one = await fingerprintOf(request({}, { a: 1, b: [1, 2] }));
    expect(await fingerprintOf(request({}, { b: [1, 2], a: 1 }))).toBe(one);
    expect(await fingerprintOf(request({}, { a: 1, b: [2, 1] }))).not.toBe(one);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts uploaded files by their bytes, not only their names', async () => {
    const withFile = (bytes: string) =>
      Object.assign(request({}, { note: 'x' }), {
        files: [{ fieldname: 'photos', originalname: 'a.jpg', size: 3, buffer: Buffer.from(bytes) }],
      });
    expect(await fingerprintOf(withFile('abc'))).not.toBe(await fingerprintOf(withFile('abd')));
  });

  it('names the route by its path without the query', () => {
    expect(routeOf(request({}, undefined, '/api/incidents/1/whistles?x=1'))).toBe(
      '/api/incidents/1/whistles',
    );
  });
});
