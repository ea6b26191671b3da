import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { dateTime } from '../../format';
import type { CatalogueEntryFragment } from '../../gql/graphql';
import { dmpLabel, messagingLabel } from '../../software-labels';
import { ErrorAlert, Loading, Modal, Notice, Pager, usePageTitle } from '../../ui';
import { ChangeHistory } from './ChangeHistory';
import { SoftwareForm, type SoftwareFormMode } from './SoftwareForm';
import { CATALOGUE } from './queries';

/** The software catalogue: search (keyset pages), add a software or a version, edit qualities, history. */
export function CatalogueAdmin() {
  usePageTitle('Administration – catalogue des logiciels');
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, loading, error, refetch } = useQuery(CATALOGUE, {
    variables: { search: search || null, first: 20, after },
    fetchPolicy: 'cache-and-network',
  });
  const [form, setForm] = useState<SoftwareFormMode | null>(null);
  const [history, setHistory] = useState<CatalogueEntryFragment | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const page = data?.softwareCatalogue;
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch(String(new FormData(event.currentTarget).get('q') ?? '').trim());
    setCursors([null]);
  };
  return (
    <>
      <h1>Catalogue des logiciels</h1>
      <form role="search" onSubmit={onSearch} className="fr-search-bar fr-mb-2w" id="catalogue-search">
        <label className="fr-label" htmlFor="catalogue-q">
          Rechercher un logiciel ou un éditeur
        </label>
        <input className="fr-input" id="catalogue-q" name="q" type="search" placeholder="Logiciel ou éditeur" />
        <button type="submit" className="fr-btn" title="Rechercher">
          Rechercher
        </button>
      </form>
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left"
        onClick={() => setForm({ kind: 'new' })}
      >
        Ajouter un logiciel
      </button>
      {saved && <Notice severity="success">{saved}</Notice>}
      {loading && !data && <Loading />}
      {error && <ErrorAlert error={error} />}
      {page && (
        <div className="fr-table fr-mt-2w" data-testid="catalogue-table">
          <table tabIndex={0}>
            <caption>
              {page.totalCount} entrée{page.totalCount > 1 ? 's' : ''}
              {search ? ` pour « ${search} »` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Éditeur</th>
                <th scope="col">Logiciel et version</th>
                <th scope="col">DMP</th>
                <th scope="col">LAP</th>
                <th scope="col">Messagerie</th>
                <th scope="col">Dernière modification</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((s) => (
                <tr key={s.id}>
                  <td>{s.publisher.name}</td>
                  <td>
                    {s.name} {s.version}
                  </td>
                  <td>{dmpLabel(s)}</td>
                  <td>{s.lapCertified ? 'Certifié' : 'Non certifié'}</td>
                  <td>{messagingLabel(s.messagingType)}</td>
                  <td>
                    Révision {s.revision}
                    {s.updatedAt && (
                      <>
                        <br />
                        <span className="fr-text--sm">
                          {dateTime(s.updatedAt)}
                          {s.updatedBy ? `, ${s.updatedBy}` : ''}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    <ul className="fr-btns-group fr-btns-group--sm">
                      <li>
                        <button
                          type="button"
                          className="fr-btn fr-btn--sm fr-btn--secondary"
                          aria-label={`Modifier ${s.name} ${s.version}`}
                          onClick={() => setForm({ kind: 'edit', entry: s })}
                        >
                          Modifier
                        </button>
                      </li>
                      <li>
                        <button
                          type="button"
                          className="fr-btn fr-btn--sm fr-btn--tertiary"
                          aria-label={`Nouvelle version de ${s.name}`}
                          onClick={() => setForm({ kind: 'version', from: s })}
                        >
                          Nouvelle version
                        </button>
                      </li>
                      <li>
                        <button
                          type="button"
                          className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
                          aria-label={`Historique de ${s.name} ${s.version}`}
                          onClick={() => setHistory(s)}
                        >
                          Historique
                        </button>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        onFirstPage={cursors.length > 1 ? () => setCursors([null]) : null}
        onNextPage={
          page?.pageInfo.hasNextPage ? () => setCursors((c) => [...c, page.pageInfo.endCursor ?? null]) : null
        }
      />
      {form && (
        <SoftwareForm
          mode={form}
          onClose={() => setForm(null)}
          onSaved={(summary) => {
            setForm(null);
            setSaved(summary);
            void refetch();
          }}
        />
      )}
      {history && (
        <Modal
          id="software-history"
          open
          title={`Historique de ${history.name} ${history.version}`}
          onClose={() => setHistory(null)}
          footer={
            <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setHistory(null)}>
              Fermer l’historique
            </button>
          }
        >
          <ChangeHistory kind="SOFTWARE" targetId={history.id} title="Modifications de l’entrée" />
        </Modal>
      )}
    </>
  );
}
