/**
 * A tiny tagged template for raw SQL: interpolated values become numbered parameters, nested
 * fragments are spliced in. Lets the metrics queries share filter and rate fragments without
 * hand-counting `$n` placeholders or ever concatenating a value into the text.
 */
export class SqlFragment {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  return new SqlFragment([...strings], values);
}

/** A fragment of fixed text (trusted identifiers or keywords, never user input). */
export function rawSql(text: string): SqlFragment {
  return new SqlFragment([text], []);
}

export interface RenderedSql {
  text: string;
  params: unknown[];
}

export function renderSql(fragment: SqlFragment): RenderedSql {
  const params: unknown[] = [];
  const text = appendFragment(fragment, params);
  return { text, params };
}

function appendFragment(fragment: SqlFragment, params: unknown[]): string {
  let text = fragment.strings[0] ?? '';
  fragment.values.forEach((value, i) => {
    if (value instanceof SqlFragment) {
      text += appendFragment(value, params);
    } else {
      params.push(value);
      text += `$${params.length}`;
    }
    text += fragment.strings[i + 1] ?? '';
  });
  return text;
}
