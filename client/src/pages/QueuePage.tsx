import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { JustificatifQueueFilter, JustificatifQueueView } from '../gql/graphql';
import { CHANNEL_LABELS, JUSTIFICATIF_STATUS, PROFESSION_LABELS, frenchDate } from '../format';
import { can, useAgent } from '../session';
import { ScrollTable } from '../table';
import { Badge, Empty, ErrorAlert, Loading, PhoneFold, Tabs, usePageTitle } from '../ui';
import { BulkActions, type SelectedPiece } from './queue/BulkActions';
import { QueueFilters, type Holder } from './queue/QueueFilters';
import { QueuePagination } from './queue/QueuePagination';
import { FILTER_KEYS, PAGE_KEYS, activeFilterCount, filterFromUrl, foldLabel } from './queue/queue-url';
import { SavedViews } from './queue/SavedViews';
import { prefetchReviewChunk } from './review/preload';

export const QUEUE = graphql(`
  query Queue($filter: JustificatifQueueFilter, $first: Int, $after: String, $last: Int, $before: String) {
    justificatifQueue(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      hasPreviousPage
      startCursor
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        version
        ageDays
        receivedAt
        decidedAt
        channel
        professional {
          id
          lastName
          firstName
          profession
        }
        indicator {
          code
          label
        }
        campaign {
          label
        }
        assignedTo {
          id
          displayName
        }
        decidedBy {
          displayName
        }
        precheck {
          status
          contradictions
        }
        pendingOpinion {
          askedAgent {
            id
          }
        }
      }
    }
  }
`);

const COUNTS = graphql(`
  query QueueCounts($filter: JustificatifQueueFilter) {
    justificatifQueueCounts(filter: $filter) {
      toProcess
      mine
      allPending
      processed
      opinionAsked
    }
  }
`);

const CONSEILLERS = graphql(`
  query QueueConseillers {
    supervisionWorkload {
      conseillers {
        agent {
          id
          displayName
        }
      }
    }
  }
`);

type Counts = { toProcess: number; mine: number; allPending: number; processed: number; opinionAsked: number };

export const QUEUE_VIEWS: { id: JustificatifQueueView; label: string; empty: string; count: keyof Counts }[] = [
  {
    id: 'TO_PROCESS',
    label: 'À traiter',
    empty: 'Aucun justificatif en attente de prise en charge.',
    count: 'toProcess',
  },
  { id: 'MINE', label: 'Mes dossiers', empty: 'Vous n’avez aucun justificatif en cours.', count: 'mine' },
  { id: 'ALL_PENDING', label: 'Tous en attente', empty: 'Aucun justificatif en attente.', count: 'allPending' },
  { id: 'PROCESSED', label: 'Traités', empty: 'Aucun justificatif traité.', count: 'processed' },
  {
    id: 'OPINION_ASKED',
    label: 'Avis demandés',
    empty: 'Aucun avis ne vous est demandé.',
    count: 'opinionAsked',
  },
];

export function queueView(value: string | null): JustificatifQueueView {
  return QUEUE_VIEWS.find((v) => v.id === value)?.id ?? 'TO_PROCESS';
}

const PAGE_SIZE = 25;

export function QueuePage() {
  const agent = useAgent();
  const supervises = can(agent, 'ASSIGN_ANY_JUSTIFICATIF');
  const [params, setParams] = useSearchParams();
  const view = queueView(params.get('vue'));
  const current = QUEUE_VIEWS.find((v) => v.id === view)!;
  usePageTitle(`Justificatifs – ${current.label}`);
  // Opening a piece from here then waits for its data only, not for the review's code.
  useEffect(prefetchReviewChunk, []);
  const processed = view === 'PROCESSED';
  const tri = params.get('tri');
  // « Traités » reads newest first: what was decided lately, not 2019's pieces.
  const oldestFirst = tri === 'anciens' ? true : tri === 'recents' ? false : !processed;
  const base = filterFromUrl(params);
  const filter: JustificatifQueueFilter = { ...base, decidedByMe: processed ? base.decidedByMe : null };
  const counts = useQuery(COUNTS, { variables: { filter }, fetchPolicy: 'network-only' });
  const total = counts.data?.justificatifQueueCounts[current.count];
  const pageCount = total === undefined ? 1 : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const atEnd = params.get('fin') === '1';
  const page = atEnd ? pageCount : Math.min(Math.max(1, Number(params.get('page')) || 1), pageCount);
  const before = params.get('avant');
  const after = params.get('apres');
  const pageArgs = atEnd
    ? { last: total! % PAGE_SIZE || PAGE_SIZE }
    : before
      ? { last: PAGE_SIZE, before }
      : { first: PAGE_SIZE, after };
  const { data, loading, error, refetch } = useQuery(QUEUE, {
    variables: { filter: { ...filter, view, oldestFirst }, ...pageArgs },
    fetchPolicy: 'network-only',
    skip: atEnd && total === undefined,
  });
  const conseillers = useQuery(CONSEILLERS, { skip: !supervises });
  const holders: Holder[] = (conseillers.data?.supervisionWorkload.conseillers ?? []).map((c) => c.agent);
  const [selection, setSelection] = useState<Map<string, SelectedPiece>>(new Map());

  const update = (changes: Record<string, string | null>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!keepPage || Object.keys(changes).some((k) => FILTER_KEYS.includes(k) || k === 'vue'))
      for (const key of PAGE_KEYS) if (!(key in changes)) next.delete(key);
    setSelection(new Map());
    setParams(next);
  };
  const pageUrl = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const key of PAGE_KEYS) next.delete(key);
    for (const [key, value] of Object.entries(changes)) if (value) next.set(key, value);
    return `/justificatifs?${next.toString()}`;
  };
  const queue = data?.justificatifQueue;
  const tabs = QUEUE_VIEWS.filter((v) => supervises || v.id !== 'ALL_PENDING').map((v) => ({
    id: v.id,
    label: counts.data ? `${v.label} (${counts.data.justificatifQueueCounts[v.count]})` : v.label,
  }));
  const bulk = supervises && !processed;
  const toggle = (piece: SelectedPiece) =>
    setSelection((s) => {
      const next = new Map(s);
      if (next.has(piece.id)) next.delete(piece.id);
      else next.set(piece.id, piece);
      return next;
    });
  const pieceOf = (j: NonNullable<typeof queue>['nodes'][number]): SelectedPiece => ({
    id: j.id,
    version: j.version,
    holder: j.assignedTo ?? null,
    decided: j.status !== 'RECEIVED',
    label: `${j.professional.lastName.toUpperCase()} ${j.professional.firstName} – ${j.indicator.label}`,
  });
  const refresh = () => {
    void refetch();
    void counts.refetch();
  };
  return (
    <>
      <h1>Justificatifs</h1>
      <PhoneFold id="file-filtres" label={foldLabel(activeFilterCount(filter))}>
        <QueueFilters params={params} update={update} holders={holders} oldestFirst={oldestFirst} />
        <SavedViews filter={{ ...filter, view, oldestFirst }} />
      </PhoneFold>
      {bulk && (
        <BulkActions
          selected={[...selection.values()]}
          conseillers={holders}
          onDone={() => {
            setSelection(new Map());
            refresh();
          }}
        />
      )}
      <Tabs
        label="Files de justificatifs"
        idPrefix="file"
        tabs={tabs}
        selected={view}
        onSelect={(id) => update({ vue: id })}
      >
        {processed && (
          <div className="fr-checkbox-group fr-mb-2w">
            <input
              type="checkbox"
              id="par-moi"
              checked={!!base.decidedByMe}
              onChange={(e) => update({ parmoi: e.target.checked ? '1' : null })}
            />
            <label className="fr-label" htmlFor="par-moi">
              Décidés par moi
            </label>
          </div>
        )}
        <div className="fr-toggle fr-mb-2w">
          <input
            type="checkbox"
            className="fr-toggle__input"
            id="filtre-contradiction"
            aria-describedby="filtre-contradiction-hint"
            checked={!!base.contradictionDetected}
            onChange={(e) => update({ contradiction: e.target.checked ? '1' : null })}
          />
          <label className="fr-toggle__label" htmlFor="filtre-contradiction">
            Contradiction détectée
          </label>
          <p className="fr-hint-text" id="filtre-contradiction-hint">
            Seulement les pièces où le pré-contrôle a lu un autre nom, un autre éditeur ou logiciel, une date hors de
            l’année…
          </p>
        </div>
        {(error || counts.error) && <ErrorAlert error={error ?? counts.error} onRetry={refresh} />}
        {loading && !data && <Loading />}
        {queue && queue.totalCount === 0 && <Empty>{current.empty}</Empty>}
        {queue && queue.totalCount > 0 && (
          <>
            <p className="fr-mb-1w" data-testid="queue-range">
              {(page - 1) * PAGE_SIZE + 1}–{(page - 1) * PAGE_SIZE + queue.nodes.length} sur {queue.totalCount}
              {pageCount > 1 ? ` · page ${page} sur ${pageCount}` : ''}
            </p>
            <ScrollTable label={`${current.label} : tableau des justificatifs, défilable`}>
              <table>
                <caption>
                  {current.label} : {queue.totalCount} justificatif{queue.totalCount > 1 ? 's' : ''}, les plus{' '}
                  {oldestFirst ? 'anciens' : 'récents'} d’abord
                </caption>
                <thead>
                  <tr>
                    {bulk && (
                      <th scope="col">
                        <span className="fr-sr-only">Sélection</span>
                      </th>
                    )}
                    <th scope="col">Reçu le</th>
                    <th scope="col">Âge</th>
                    <th scope="col">Professionnel</th>
                    <th scope="col">Indicateur</th>
                    <th scope="col">Statut</th>
                    <th scope="col">{processed ? 'Décidé par' : 'Pris par'}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.nodes.map((j) => (
                    <tr key={j.id}>
                      {bulk && (
                        <td>
                          <div className="fr-checkbox-group fr-checkbox-group--sm">
                            <input
                              type="checkbox"
                              id={`choix-${j.id}`}
                              checked={selection.has(j.id)}
                              onChange={() => toggle(pieceOf(j))}
                            />
                            <label className="fr-label" htmlFor={`choix-${j.id}`}>
                              <span className="fr-sr-only">Sélectionner {pieceOf(j).label}</span>
                            </label>
                          </div>
                        </td>
                      )}
                      <td>
                        {frenchDate(j.receivedAt)}
                        <p className="mcbo-reason">{CHANNEL_LABELS[j.channel]}</p>
                      </td>
                      <td>
                        {j.ageDays} j<span className="fr-sr-only"> (jours depuis la réception)</span>
                      </td>
                      <td>
                        {j.professional.lastName.toUpperCase()} {j.professional.firstName}
                        <p className="mcbo-reason">{PROFESSION_LABELS[j.professional.profession]}</p>
                      </td>
                      <td>
                        <Link to={`/justificatifs/${j.id}?vue=${view}`} className="mcbo-row-link">
                          {j.indicator.label}
                          <span className="fr-sr-only">
                            {' '}
                            – {j.professional.lastName.toUpperCase()} {j.professional.firstName}
                          </span>
                        </Link>
                        <p className="mcbo-reason">{j.campaign.label}</p>
                      </td>
                      <td>
                        <Badge severity={JUSTIFICATIF_STATUS[j.status]!.severity}>
                          {JUSTIFICATIF_STATUS[j.status]!.label}
                        </Badge>
                        {j.status === 'RECEIVED' && j.pendingOpinion && (
                          <p className="fr-mt-1v">
                            <Badge severity="warning">
                              {j.pendingOpinion.askedAgent?.id === agent.id ? 'Avis demandé' : 'Avis en attente'}
                            </Badge>
                          </p>
                        )}
                        {j.status === 'RECEIVED' && j.precheck && j.precheck.contradictions > 0 && (
                          <p className="fr-mt-1v">
                            <Badge severity="error">Contradiction détectée</Badge>
                          </p>
                        )}
                      </td>
                      <td>
                        {processed
                          ? `${j.decidedBy?.displayName ?? '—'}${j.decidedAt ? `, le ${frenchDate(j.decidedAt)}` : ''}`
                          : (j.assignedTo?.displayName ?? '—')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            <QueuePagination
              page={page}
              pageCount={pageCount}
              first={pageUrl({})}
              previous={
                page <= 2
                  ? pageUrl({})
                  : queue.startCursor
                    ? pageUrl({ page: String(page - 1), avant: queue.startCursor })
                    : null
              }
              next={
                queue.pageInfo.hasNextPage && queue.pageInfo.endCursor
                  ? pageUrl({ page: String(page + 1), apres: queue.pageInfo.endCursor })
                  : null
              }
              last={pageUrl({ fin: '1' })}
            />
          </>
        )}
      </Tabs>
    </>
  );
}
