import type { ReactNode } from 'react';

/**
 * A DSFR table whose scrolling container can take the keyboard focus (narrow screens scroll it
 * sideways): tabIndex 0 and a name, as axe's scrollable-region-focusable asks.
 */
export function ScrollTable({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`fr-table fr-table--bordered ${className}`}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" tabIndex={0} role="region" aria-label={label}>
          <div className="fr-table__content">{children}</div>
        </div>
      </div>
    </div>
  );
}
