import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Settings that decide what the server exposes, and to whom: the CORS allow-list, which proxies'
 * X-Forwarded-* headers are believed, and the OpenAPI docs. Parsed at boot with the rest of the
 * configuration, so a typo stops the process instead of silently opening (or closing) something.
 */

/** `https://whistle.example.org`: scheme, host and optional port, nothing after. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

const listOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/** Comma-separated origins allowed to call the API and open sockets from a browser; none by default. */
export const corsOriginsSetting = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const origins = listOf(value);
    const bad = origins.filter((origin) => !isOrigin(origin));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be comma-separated origins such as https://whistle.example.org (not ${bad.join(', ')})`,
      });
      return z.NEVER;
    }
    return origins;
  });

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, or an address with a prefix length (10.0.0.0/8, fd00::/8). */
function isAddressOrSubnet(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  return bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

/**
 * Express's `trust proxy`: unset trusts no proxy (req.ip and req.secure are the socket's own); a
 * number trusts that many hops; otherwise a list of addresses, subnets or the names `loopback`,
 * `linklocal`, `uniquelocal`. Trusting every hop (`true`) is not offered: any client could then
 * claim any address or https.
 */
export const trustProxySetting = z
  .string()
  .optional()
  .transform((value, ctx): false | number | string[] => {
    const trimmed = (value ?? '').trim();
    if (trimmed === '' || trimmed === 'false') return false;
    if (/^\d+$/.test(trimmed)) return Number(trimmed);
    const entries = listOf(trimmed);
    const bad = entries.filter((entry) => !PROXY_NAMES.has(entry) && !isAddressOrSubnet(entry));
    if (bad.length > 0 || entries.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a hop count, or addresses, subnets or loopback/linklocal/uniquelocal (not ${bad.join(', ') || trimmed})`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** `true` or `false`; unset means on except in production. */
export const apiDocsSetting = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === 'true'));

export function apiDocsEnabled(config: { NODE_ENV: string; API_DOCS?: boolean }): boolean {
  return config.API_DOCS ?? config.NODE_ENV !== 'production';
}
