import { BadRequestException } from '@nestjs/common';
import { isISO8601, isUUID } from 'class-validator';

/** Keyset cursor for lists ordered by (createdAt desc, id desc): stable under concurrent inserts. */
export interface IncidentCursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(cursor: IncidentCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string): IncidentCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      isISO8601(parsed[0], { strict: true, strictSeparator: true }) &&
      isUUID(parsed[1])
    ) {
      return { createdAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestException({
    message: 'Invalid request: cursor',
    fields: { cursor: ['is not a valid cursor'] },
  });
}
