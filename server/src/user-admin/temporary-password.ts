import { randomInt } from 'node:crypto';

/** No 0/O, 1/l/I: a temporary password is read aloud or copied by hand. */
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** 16 characters, letters and digits both present (≈ 90 bits): passes the password policy. */
export function temporaryPassword(): string {
  const all = LETTERS + DIGITS;
  const chars = Array.from({ length: 14 }, () => all[randomInt(all.length)]);
  chars.splice(randomInt(chars.length + 1), 0, LETTERS[randomInt(LETTERS.length)]);
  chars.splice(randomInt(chars.length + 1), 0, DIGITS[randomInt(DIGITS.length)]);
  return chars.join('');
}
