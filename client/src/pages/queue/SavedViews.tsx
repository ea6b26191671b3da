import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { JustificatifQueueFilter } from '../../gql/graphql';
import { ErrorAlert } from '../../ui';
import { queueUrl } from './queue-url';

const SAVED_VIEWS = graphql(`
  query SavedQueueViews {
    savedQueueViews {
      id
      name
      filter {
        view
        campaignYear
        scheme
        indicatorCode
        profession
        caisseCode
        minAgeDays
        maxAgeDays
        oldestFirst
        holderId
        held
        decidedByMe
        contradictionDetected
      }
    }
  }
`);

const SAVE_VIEW = graphql(`
  mutation SaveQueueView($input: SaveQueueViewInput!) {
    saveQueueView(input: $input) {
      id
      name
    }
  }
`);

const DELETE_VIEW = graphql(`
  mutation DeleteQueueView($id: ID!) {
    deleteQueueView(id: $id)
  }
`);

/** The agent's saved views (kept by the server): open one, save the current filter, delete one. */
export function SavedViews({ filter }: { filter: JustificatifQueueFilter }) {
  const views = useQuery(SAVED_VIEWS);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [save, saving] = useMutation(SAVE_VIEW, { refetchQueries: [SAVED_VIEWS] });
  const [remove, removing] = useMutation(DELETE_VIEW, { refetchQueries: [SAVED_VIEWS] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save({ variables: { input: { name, filter } } }).catch(() => null);
    if (result?.data) {
      setSaved(result.data.saveQueueView.name);
      setName('');
    }
  };
  const list = views.data?.savedQueueViews ?? [];
  return (
    <section className="mcbo-panel fr-mb-2w" aria-labelledby="vues-titre">
      <h2 id="vues-titre" className="fr-h6 fr-mb-1w">
        Mes vues
      </h2>
      {list.length === 0 ? (
        <p className="fr-text--sm fr-mb-1w">Aucune vue enregistrée.</p>
      ) : (
        <ul className="fr-tags-group">
          {list.map((v) => (
            <li key={v.id}>
              <Link className="fr-tag" to={queueUrl(v.filter as JustificatifQueueFilter)}>
                {v.name}
              </Link>{' '}
              <button
                type="button"
                className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-delete-line"
                title={`Supprimer la vue « ${v.name} »`}
                disabled={removing.loading}
                onClick={() => void remove({ variables: { id: v.id } }).catch(() => null)}
              >
                Supprimer la vue « {v.name} »
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="mcbo-inline-form" onSubmit={(e) => void submit(e)} aria-label="Enregistrer la vue">
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="vue-nom">
            Nom de la vue
            <span className="fr-hint-text">Enregistre les filtres, l’onglet et l’ordre actuels</span>
          </label>
          <input
            className="fr-input"
            id="vue-nom"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            required
          />
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary" disabled={saving.loading}>
          Enregistrer la vue
        </button>
      </form>
      {saving.error && <ErrorAlert error={saving.error} />}
      {removing.error && <ErrorAlert error={removing.error} />}
      {saved && !saving.error && (
        <p className="fr-message fr-message--valid" role="status">
          Vue « {saved} » enregistrée.
        </p>
      )}
    </section>
  );
}
