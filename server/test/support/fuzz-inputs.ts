import fc from 'fast-check';

/**
 * Arbitraries for fuzzing HTTP input: JSON bodies (arbitrary, or a valid body with a few things
 * broken), form fields, query strings and path parameters. Strings use every code point, NUL and
 * right-to-left marks included; sizes stay under the body limit so validation, not the parser,
 * has to answer.
 */

export type Json = fc.JsonValue;
export type JsonObject = { [key: string]: Json };

/** Values that have broken parsers, validators and databases before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '😀'.repeat(50),
  '𠜎𠜱𠝹',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '2030-02-30',
  '2026-13-45T25:61:61Z',
  '+275760-09-13T00:00:00.000Z',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
  'constructor',
  "'; DROP TABLE incidents; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '{"a":1}',
];

/** About 100,000 characters: large, yet under the default 256 kB body limit. */
const HUGE = 'x'.repeat(100_000);

export const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(...NASTY_STRINGS),
);

/** `{ a: { a: … } }` or `[[…]]`, `depth` levels deep. */
const nested = (depth: number, asArray: boolean): Json => {
  let value: Json = 1;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
};

/** Any JSON value, with the nasty ones over-represented. */
export const nastyValue: fc.Arbitrary<Json> = fc.oneof(
  anyString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, -1, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.constant(HUGE),
  fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
  fc.dictionary(anyString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
  fc.tuple(fc.integer({ min: 10, max: 40 }), fc.boolean()).map(([depth, asArray]) => nested(depth, asArray)),
);

/** Any JSON document at all (top-level strings and numbers included). */
export const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
  fc.dictionary(anyString, nastyValue, { maxKeys: 6 }),
  nastyValue,
);

type Path = (string | number)[];

/** Every place in a value a mutation can hit: each key and index, at any depth. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v as Json, [...prefix, k])]);
  }
  return [];
}

interface Mutation {
  op: 'set' | 'delete' | 'add';
  path: Path;
  key: string;
  value: Json;
}

function apply(body: Json, m: Mutation): Json {
  const copy = structuredClone(body);
  const parentPath = m.op === 'add' ? m.path : m.path.slice(0, -1);
  let parent: Json = copy;
  for (const step of parentPath) {
    if (parent === null || typeof parent !== 'object') return copy;
    parent = (parent as Record<string | number, Json>)[step] ?? null;
  }
  if (parent === null || typeof parent !== 'object') return copy;
  const target = parent as Record<string | number, Json>;
  const last = m.path[m.path.length - 1];
  if (m.op === 'add') target[Array.isArray(target) ? target.length : m.key] = m.value;
  else if (last === undefined) return copy;
  else if (m.op === 'delete') {
    if (Array.isArray(target)) target.splice(Number(last), 1);
    else delete target[last];
  } else target[last] = m.value;
  return copy;
}

/**
 * A valid body with one to three things broken: a field set to a wrong type, a huge or unicode or
 * NUL-laden string, a deep or odd structure; a field dropped; an unknown field added.
 */
export function mutated(sample: JsonObject): fc.Arbitrary<Json> {
  const paths = pathsOf(sample);
  const places: Path[] = [[], ...paths];
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    op: fc.constantFrom<Mutation['op']>(
      ...(paths.length ? (['set', 'delete', 'add'] as const) : (['add'] as const)),
    ),
    path: fc.constantFrom(...places),
    key: fc.oneof(anyString, fc.constantFrom('__proto__', 'constructor', 'id', 'role', 'status')),
    value: nastyValue,
  });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce<Json>(apply, sample));
}

/** Form fields (multipart or urlencoded): a sample's fields mutated, every value a string or a list of them. */
export function formFields(sample: Record<string, string>): fc.Arbitrary<Record<string, string | string[]>> {
  const keys = Object.keys(sample);
  const value = fc.oneof(
    anyString,
    fc.constant(HUGE),
    nastyValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
  );
  const field = fc.oneof(
    ...(keys.length ? [fc.constantFrom(...keys)] : []),
    anyString.filter((k) => k.length > 0),
    fc.constantFrom(
      'a[b]',
      'a[b][c]',
      'list[]',
      '__proto__[x]',
      'constructor[prototype][x]',
      '[]',
      'x[0][1]',
    ),
  );
  return fc
    .record({
      drop: fc.subarray(keys),
      set: fc.array(fc.tuple(field, fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 }))), {
        maxLength: 3,
      }),
    })
    .map(({ drop, set }) => {
      const fields: Record<string, string | string[]> = { ...sample };
      for (const key of drop) delete fields[key];
      for (const [key, v] of set) fields[key] = v;
      return fields;
    });
}

/** A query string (without `?`) over the route's own parameter names and odd ones, from a sample or not. */
export function queryString(keys: string[], sample: Record<string, string> = {}): fc.Arbitrary<string> {
  const value = fc.oneof(
    anyString,
    fc.integer().map(String),
    fc.uuid(),
    fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
    fc.constant('x'.repeat(3_000)),
  );
  const allKeys = [...new Set([...keys, ...Object.keys(sample)])];
  const key = fc.oneof(
    ...(allKeys.length ? [fc.constantFrom(...allKeys)] : []),
    anyString,
    fc.constantFrom('a[b]', 'limit[]', '__proto__', 'constructor[prototype]'),
  );
  const pairs = fc.array(fc.tuple(key, fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 }))), {
    maxLength: 5,
  });
  const fromSample = fc
    .record({ drop: fc.subarray(Object.keys(sample)), extra: pairs })
    .map(({ drop, extra }) => [...Object.entries(sample).filter(([k]) => !drop.includes(k)), ...extra]);
  return fc
    .oneof(pairs, fromSample)
    .map((entries) =>
      entries.flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${enc(k)}=${enc(x)}`)).join('&'),
    );
}

/** A path parameter: mostly a real one (so the body and query get checked), else a UUID or anything. */
export function pathValue(real: string | undefined): fc.Arbitrary<string> {
  const odd = fc.oneof(fc.uuid(), anyString, fc.constant('a'.repeat(3_000)));
  return real === undefined
    ? odd
    : fc.oneof({ weight: 3, arbitrary: fc.constant(real) }, { weight: 2, arbitrary: odd });
}

const enc = (value: string) => encodeURIComponent(value);
