/** How the leaders' numbers read, in the tables and in the exported CSV alike. */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
export const decimal = (value: number | null, digits = 1): string =>
  value === null ? '—' : value.toFixed(digits);
export const count = (value: number): string => String(value);
