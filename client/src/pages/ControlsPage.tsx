/** The controls console: the superviseur's plans and closures, and the queue of control cases. */
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { ControlQueueView } from '../gql/graphql';
import { PROFESSION_LABELS, euros, frenchDate, integer } from '../format';
import { can, useAgent } from '../session';
import { Empty, ErrorAlert, Loading, Pager, Tabs, usePageTitle } from '../ui';
import { ControlStatusBadge } from './controls/CaseSections';
import { ExpiredCases } from './controls/ExpiredCases';
import { PlanForm } from './controls/PlanForm';

export const CONTROL_QUEUE = graphql(`
  query ControlQueue($view: ControlQueueView, $first: Int, $after: String) {
    controlCaseQueue(view: $view, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        statusLabel
        ageDays
        indicatorCodes
        induCents
        responseDeadline
        professional {
          id
          lastName
          firstName
          profession
        }
        assignedTo {
          displayName
        }
      }
    }
  }
`);

const VIEWS: { id: ControlQueueView; label: string; empty: string }[] = [
  { id: 'TO_PROCESS', label: 'À traiter', empty: 'Aucun contrôle en attente de prise en charge.' },
  { id: 'MINE', label: 'Mes contrôles', empty: 'Vous n’avez aucun contrôle en cours.' },
  { id: 'ALL_OPEN', label: 'Tous en cours', empty: 'Aucun contrôle en cours.' },
  { id: 'CONCLUDED', label: 'Conclus', empty: 'Aucun contrôle conclu.' },
];

export function ControlsPage() {
  usePageTitle('Contrôles a posteriori');
  const agent = useAgent();
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v.id === params.get('vue'))?.id ?? 'TO_PROCESS';
  const [after, setAfter] = useState<string | null>(null);
  const { data, loading, error } = useQuery(CONTROL_QUEUE, {
    variables: { view, first: 25, after },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.controlCaseQueue;
  return (
    <div className="fr-container fr-my-4w">
      <h1>Contrôles a posteriori</h1>
      {can(agent, 'PLAN_CONTROLS') && <PlanForm />}
      {can(agent, 'PLAN_CONTROLS') && <ExpiredCases />}
      <h2>Dossiers de contrôle</h2>
      <Tabs
        label="Vues des contrôles"
        idPrefix="controles"
        tabs={VIEWS.map((v) => ({ id: v.id, label: v.label }))}
        selected={view}
        onSelect={(id) => {
          setAfter(null);
          setParams({ vue: id });
        }}
      >
        {loading && !page && <Loading />}
        {error && <ErrorAlert error={error} />}
        {page && page.nodes.length === 0 && <Empty>{VIEWS.find((v) => v.id === view)!.empty}</Empty>}
        {page && page.nodes.length > 0 && (
          <div className="fr-table">
            <table tabIndex={0}>
              <caption>{integer(page.totalCount)} dossiers, les plus anciens d’abord</caption>
              <thead>
                <tr>
                  <th scope="col">Professionnel</th>
                  <th scope="col">Indicateurs</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Ancienneté</th>
                  <th scope="col">Réponse attendue</th>
                  <th scope="col">Indu</th>
                  <th scope="col">Pris en charge</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/controles/${c.id}`}>
                        {c.professional.lastName} {c.professional.firstName}
                      </Link>
                      <br />
                      <span className="fr-text--xs">{PROFESSION_LABELS[c.professional.profession]}</span>
                    </td>
                    <td>{c.indicatorCodes.join(', ')}</td>
                    <td>
                      <ControlStatusBadge status={c.status} label={c.statusLabel} />
                    </td>
                    <td>{c.ageDays} j</td>
                    <td>{c.responseDeadline ? frenchDate(c.responseDeadline) : '—'}</td>
                    <td>{c.induCents ? euros(c.induCents) : '—'}</td>
                    <td>{c.assignedTo?.displayName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page && (
          <Pager
            onFirstPage={after ? () => setAfter(null) : null}
            onNextPage={page.pageInfo.hasNextPage ? () => setAfter(page.pageInfo.endCursor) : null}
          />
        )}
      </Tabs>
    </div>
  );
}
