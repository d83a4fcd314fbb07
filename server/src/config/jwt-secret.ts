import { PUBLISHED_JWT_SECRETS } from './published-secrets';

/** Fewer characters than this is refused in every environment: no such value can be a secret in use. */
export const JWT_SECRET_MIN_CHARS = 16;

/** HS256 signs with the secret as its key: in production it must hold at least 256 bits. */
export const PRODUCTION_JWT_SECRET_MIN_BYTES = 32;

const HOW_TO = 'generate one with: openssl rand -base64 48';

/**
 * Why a secret may not sign tokens in production, or null when it may. Counted in UTF-8 bytes, the
 * form the signer uses (auth.module.ts), not in characters.
 */
export function productionJwtSecretProblem(secret: string): string | null {
  if (Buffer.byteLength(secret, 'utf8') < PRODUCTION_JWT_SECRET_MIN_BYTES) {
    return `must be at least ${PRODUCTION_JWT_SECRET_MIN_BYTES} bytes in production; ${HOW_TO}`;
  }
  if (PUBLISHED_JWT_SECRETS.includes(secret)) {
    return `is published in the Whistle repository and must not be used in production; ${HOW_TO}`;
  }
  return null;
}
