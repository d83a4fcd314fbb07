import type { ReactNode } from 'react';

/** A section's title, what it is for, and its tools on the right. */
export function SectionHeader({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children?: ReactNode;
}) {
  return (
    <header className="admin-head">
      <div className="admin-head__text">
        <h2>{title}</h2>
        {intro && <p className="muted">{intro}</p>}
      </div>
      {children && <div className="admin-head__tools">{children}</div>}
    </header>
  );
}
