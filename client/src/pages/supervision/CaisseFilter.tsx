import { useState, type FormEvent } from 'react';

/** A national agent narrows the dashboard to one caisse (empty: France entière). */
export function CaisseFilter({ value, onApply }: { value: string | null; onApply: (code: string | null) => void }) {
  const [text, setText] = useState(value ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(text.trim() || null);
  };
  return (
    <form onSubmit={submit} className="mcbo-inline-form" aria-label="Filtrer par caisse">
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="caisse">
          Caisse
          <span className="fr-hint-text">Code à 3 caractères ; vide : France entière</span>
        </label>
        <input
          className="fr-input"
          id="caisse"
          value={text}
          maxLength={3}
          pattern="[0-9A-Za-z]{3}"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button type="submit" className="fr-btn fr-btn--secondary">
        Appliquer
      </button>
    </form>
  );
}
