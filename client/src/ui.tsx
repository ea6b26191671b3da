/** Small DSFR building blocks shared by the pages. */
import type { ReactNode } from 'react';
import { agentMessage } from './errors';

export function Loading({ what = 'Chargement…' }: { what?: string }) {
  return (
    <p role="status" aria-live="polite" className="fr-my-4w">
      {what}
    </p>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  return (
    <div className="fr-alert fr-alert--error fr-alert--sm fr-my-2w" role="alert">
      <p>{agentMessage(error)}</p>
    </div>
  );
}

export function Notice({
  severity,
  children,
}: {
  severity: 'success' | 'info' | 'warning' | 'error';
  children: ReactNode;
}) {
  return (
    <div
      className={`fr-alert fr-alert--${severity} fr-alert--sm fr-my-2w`}
      role={severity === 'error' ? 'alert' : 'status'}
    >
      <p>{children}</p>
    </div>
  );
}

export function Badge({ severity, children }: { severity: string; children: ReactNode }) {
  return <span className={`fr-badge fr-badge--sm fr-badge--${severity} fr-badge--no-icon`}>{children}</span>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="fr-my-4w mcbo-reason">{children}</p>;
}

/** A labelled DSFR select over [value, label] options; `allLabel` adds an empty « all » choice. */
export function SelectField({
  id,
  label,
  value,
  options,
  allLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  allLabel?: string;
  onChange: (value: string | null) => void;
}) {
  return (
    <div className="fr-select-group">
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <select className="fr-select" id={id} value={value} onChange={(e) => onChange(e.target.value || null)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

export function MarianneLogo() {
  return (
    <p className="fr-logo">
      Assurance
      <br />
      Maladie
    </p>
  );
}
