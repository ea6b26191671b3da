/** Small DSFR building blocks shared by the pages. */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { agentMessage, isRetryable } from './errors';

const APP_TITLE = 'Ma Convention – back office CPAM';

/** Each screen has its own document title (RGAA 8.6), read first by screen readers. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – ${APP_TITLE}`;
  }, [title]);
}

export function Loading({ what = 'Chargement…' }: { what?: string }) {
  return (
    <p role="status" aria-live="polite" className="fr-my-4w">
      {what}
    </p>
  );
}

/** An error in French; an outage (the service answering 503) also offers « Réessayer » when given `onRetry`. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const retry = onRetry && isRetryable(error);
  return (
    <div className="fr-alert fr-alert--error fr-alert--sm fr-my-2w" role="alert">
      <p>{agentMessage(error)}</p>
      {retry && (
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={onRetry}>
          Réessayer
        </button>
      )}
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

/** Cursor pagination of a list: back to the first page, or on to the next one. */
export function Pager({
  onFirstPage,
  onNextPage,
}: {
  /** Absent on the first page. */
  onFirstPage: (() => void) | null;
  /** Absent on the last page. */
  onNextPage: (() => void) | null;
}) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline fr-mt-2w">
      {onFirstPage && (
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={onFirstPage}>
            Première page
          </button>
        </li>
      )}
      {onNextPage && (
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={onNextPage}>
            Page suivante
          </button>
        </li>
      )}
    </ul>
  );
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

export interface TabItem {
  id: string;
  label: string;
}

/**
 * DSFR tabs with the WAI-ARIA keyboard pattern: Tab reaches the selected tab, arrows, Home and End
 * move between tabs and select them.
 */
export function Tabs({
  label,
  idPrefix,
  tabs,
  selected,
  onSelect,
  children,
}: {
  label: string;
  idPrefix: string;
  tabs: TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  children: ReactNode;
}) {
  const list = useRef<HTMLUListElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.findIndex((t) => t.id === selected);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onSelect(tabs[target]!.id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[target]?.focus();
  };
  return (
    <div className="fr-tabs mcbo-tabs">
      <ul className="fr-tabs__list" role="tablist" aria-label={label} ref={list}>
        {tabs.map((tab) => (
          <li key={tab.id} role="presentation">
            <button
              type="button"
              className="fr-tabs__tab"
              role="tab"
              id={`${idPrefix}-tab-${tab.id}`}
              aria-selected={tab.id === selected}
              aria-controls={`${idPrefix}-panel`}
              tabIndex={tab.id === selected ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onKeyDown={onKeyDown}
            >
              {tab.label}
            </button>
          </li>
        ))}
      </ul>
      <div
        className="fr-tabs__panel fr-tabs__panel--selected"
        role="tabpanel"
        id={`${idPrefix}-panel`}
        aria-labelledby={`${idPrefix}-tab-${selected}`}
        tabIndex={0}
      >
        {children}
      </div>
    </div>
  );
}

/**
 * A DSFR modal over the native <dialog>: focus is trapped and given back by the browser, Escape
 * closes it, and the DSFR classes give the look without the DSFR script. On opening, focus goes to
 * the primary action: the footer's button marked `data-primary`, else its last plain `.fr-btn`.
 */
export function Modal({
  id,
  open,
  title,
  onClose,
  children,
  footer,
}: {
  id: string;
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    let retry: number | undefined;
    if (open && !d.open) {
      d.showModal();
      // DSFR displays the modal a frame later, and a hidden button takes no focus: retry until it holds.
      const target = primaryAction(d);
      let tries = 0;
      const attempt = () => {
        if (!target || !d.open) return;
        target.focus();
        if (document.activeElement !== target && ++tries < 20) retry = window.setTimeout(attempt, 25);
      };
      attempt();
    }
    if (!open && d.open) d.close();
    return () => window.clearTimeout(retry);
  }, [open]);
  return (
    <dialog
      ref={dialog}
      id={id}
      className={`fr-modal mcbo-modal${open ? ' fr-modal--opened' : ''}`}
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="fr-container fr-container--fluid fr-container-md">
          <div className="fr-grid-row fr-grid-row--center">
            <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
              <div className="fr-modal__body">
                <div className="fr-modal__header">
                  <button type="button" className="fr-btn--close fr-btn" title="Fermer la fenêtre" onClick={onClose}>
                    Fermer
                  </button>
                </div>
                <div className="fr-modal__content">
                  <h2 id={`${id}-title`} className="fr-modal__title">
                    {title}
                  </h2>
                  {children}
                </div>
                <div className="fr-modal__footer">{footer}</div>
              </div>
            </div>
          </div>
        </div>
      )}
    </dialog>
  );
}

/** The dialog's primary action, where focus lands when it opens. */
function primaryAction(d: HTMLDialogElement): HTMLElement | null {
  const marked = d.querySelector<HTMLElement>('.fr-modal__footer [data-primary]');
  if (marked) return marked;
  const plain = d.querySelectorAll<HTMLElement>(
    '.fr-modal__footer .fr-btn:not(.fr-btn--secondary):not(.fr-btn--tertiary):not([disabled])',
  );
  return plain[plain.length - 1] ?? null;
}

/**
 * A chart with its text alternative: the figure is an image for assistive technologies (the same
 * numbers are in the table next to it), and the SVG itself is kept out of the tab order.
 */
export function ChartFigure({
  description,
  height = 220,
  children,
}: {
  description: string;
  height?: number;
  children: ReactNode;
}) {
  return (
    <figure className="mcbo-chart" role="img" aria-label={description}>
      <div style={{ width: '100%', height }}>{children}</div>
    </figure>
  );
}

/** Recharts colours a tooltip's items like their bars: dark text keeps it readable (contrast 4.5:1). */
export const tooltipStyle = {
  itemStyle: { color: '#161616' },
  labelStyle: { color: '#161616', fontWeight: 700 },
} as const;

/**
 * On a phone (below 48em) its content folds behind a button that says what it holds (« Filtres et vues
 * (2 filtres actifs) »); from 48em the content is always shown and the button is not.
 */
export function PhoneFold({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className={`mcbo-fold${open ? ' mcbo-fold--open' : ''}`}>
      <button
        type="button"
        className="fr-btn fr-btn--tertiary fr-btn--icon-left fr-icon-filter-line mcbo-fold__btn fr-mb-2w"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      <div id={id} className="mcbo-fold__body">
        {children}
      </div>
    </div>
  );
}
