import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A refresh token is `<session id>.<generation>.<secret>`: the session and generation say which
 * family and which rotation it claims to be, the 32-byte secret proves it. Only SHA-256 of the
 * secret is stored (a random 256-bit secret needs no slow hash).
 */
export interface RefreshToken {
  sessionId: string;
  generation: number;
  secret: Buffer;
}

const FORMAT = /^([0-9a-f-]{36})\.(\d{1,9})\.([A-Za-z0-9_-]{43})$/;

export function newSecret(): Buffer {
  return randomBytes(32);
}

export function formatRefreshToken(token: RefreshToken): string {
  return `${token.sessionId}.${token.generation}.${token.secret.toString('base64url')}`;
}

export function parseRefreshToken(raw: unknown): RefreshToken | null {
  if (typeof raw !== 'string') return null;
  const match = FORMAT.exec(raw);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { sessionId: match[1], generation: Number(match[2]), secret: Buffer.from(match[3], 'base64url') };
}

export function hashSecret(secret: Buffer): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: Buffer, storedHash: Buffer): boolean {
  const hash = hashSecret(secret);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}
