import { createHash, randomBytes } from 'node:crypto';

/** Keys are 32 random bytes: SHA-256 of them cannot be reversed by guessing, so no salt or slow hash. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function newApiKey(): string {
  return `o311_${randomBytes(32).toString('base64url')}`;
}

/** Enough of the key to tell keys apart in a list, far too little to use. */
export function displayPrefix(key: string): string {
  return key.slice(0, 9);
}
