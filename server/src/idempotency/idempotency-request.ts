import { BadRequestException } from '@nestjs/common';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_KEY_PATTERN } from '@whistle/shared';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The request's Idempotency-Key; undefined when absent (the request then runs as it always did). */
export function idempotencyKeyOf(req: Request): string | undefined {
  const raw = req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw.join(', ') : raw;
  if (IDEMPOTENCY_KEY_PATTERN.test(value)) return value;
  const problem =
    value.length === 0
      ? 'must not be empty'
      : value.length > IDEMPOTENCY_KEY_MAX_LENGTH
        ? `must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`
        : 'may hold only letters, digits and . _ : ~ + / = - (a UUID fits), and be sent once';
  throw new BadRequestException({
    message: `Invalid ${IDEMPOTENCY_KEY_HEADER} header: ${problem}`,
    fields: { [IDEMPOTENCY_KEY_HEADER]: [problem] },
  });
}

/** The path as called, without the query: ids in the path are part of what the key names. */
export function routeOf(req: Request): string {
  return req.originalUrl.split('?')[0].slice(0, 512);
}

interface UploadedFileLike {
  fieldname: string;
  originalname: string;
  size: number;
  path?: string;
  buffer?: Buffer;
}

/**
 * SHA-256 of what the request asks for: its body with keys sorted (so a client that orders its JSON
 * differently is still the same request), and for uploads each file's field, name, size and bytes
 * (a different photo under the same name is a different request).
 */
export async function fingerprintOf(req: Request): Promise<string> {
  const hash = createHash('sha256').update(canonicalJson(req.body ?? null));
  for (const file of uploadedFiles(req)) {
    hash.update(`\u0000${file.fieldname}\u0000${file.originalname}\u0000${file.size}\u0000`);
    if (file.buffer) hash.update(file.buffer);
    else if (file.path) for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

function uploadedFiles(req: Request): UploadedFileLike[] {
  const withFiles = req as Request & { file?: UploadedFileLike; files?: unknown };
  const files: UploadedFileLike[] = withFiles.file ? [withFiles.file] : [];
  const many = withFiles.files;
  if (Array.isArray(many)) files.push(...(many as UploadedFileLike[]));
  else if (many && typeof many === 'object') files.push(...Object.values(many).flat());
  return files;
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
