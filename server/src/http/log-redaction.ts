/**
 * Secrets that clients put in the query string, kept out of request logs. Open311 clients may send
 * `api_key` there instead of in the form (the spec allows either), so every logged URL and parsed
 * query is scrubbed, whatever the route.
 */
const SECRET_PARAMS = new Set(['api_key']);

export const REDACTED = '[Redacted]';

/** The name as the query parser reads it: percent-decoded, `+` as space, any `[...]` suffix dropped. */
function paramName(raw: string): string {
  let name = raw.replace(/\+/g, ' ');
  try {
    name = decodeURIComponent(name);
  } catch {
    // a malformed escape is kept as written
  }
  return name.replace(/\[.*$/, '').toLowerCase();
}

/** The URL with every secret parameter's value replaced; the rest exactly as requested. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const hash = url.indexOf('#', at);
  const query = url.slice(at + 1, hash < 0 ? undefined : hash);
  const scrubbed = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_PARAMS.has(paramName(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, at + 1)}${scrubbed}${hash < 0 ? '' : url.slice(hash)}`;
}

/** A copy of a parsed query with every secret parameter's value replaced. */
export function redactQuery(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  const entries = Object.entries(query as Record<string, unknown>);
  if (!entries.some(([name]) => SECRET_PARAMS.has(paramName(name)))) return query;
  return Object.fromEntries(
    entries.map(([name, value]) => [name, SECRET_PARAMS.has(paramName(name)) ? REDACTED : value]),
  );
}

/**
 * pino-http's request serializer, after the standard one: the logged `url` and `query` without
 * secrets. (Authorization and cookie headers are removed by the logger's `redact` paths.)
 */
export function redactRequestLog(req: { url?: unknown; query?: unknown }): typeof req {
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  if ('query' in req) req.query = redactQuery(req.query);
  return req;
}
