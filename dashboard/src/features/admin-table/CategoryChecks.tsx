import { CATEGORIES } from '@whistle/shared';
import { useNames } from '../../i18n/names';

interface CategoryChecksProps {
  value: readonly string[];
  onChange: (codes: string[]) => void;
  testIdPrefix: string;
}

/** A checkbox per incident category (shared CATEGORIES), in their order. */
export function CategoryChecks({ value, onChange, testIdPrefix }: CategoryChecksProps) {
  const names = useNames();
  const toggle = (code: string) =>
    onChange(
      value.includes(code)
        ? value.filter((c) => c !== code)
        : CATEGORIES.map((c) => c.code).filter((c) => c === code || value.includes(c)),
    );
  return (
    <div className="admin-checks admin-checks--columns">
      {CATEGORIES.map((c) => (
        <label key={c.code} className="admin-check">
          <input
            type="checkbox"
            checked={value.includes(c.code)}
            onChange={() => toggle(c.code)}
            data-testid={`${testIdPrefix}-${c.code}`}
          />
          {names.category(c.code)}
        </label>
      ))}
    </div>
  );
}
