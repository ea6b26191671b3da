/** The queue's state in the URL (French keys): a dashboard count links to the list behind it. */
import type { JustificatifQueueFilter, JustificatifQueueView, Profession, Scheme } from '../../gql/graphql';

export const QUEUE_VIEW_IDS: JustificatifQueueView[] = ['TO_PROCESS', 'MINE', 'ALL_PENDING', 'PROCESSED'];

const int = (v: string | null) => (v !== null && /^\d{1,4}$/.test(v) ? Number(v) : null);

/** The filter the URL describes (without the view and the order, which the page adds). */
export function filterFromUrl(params: URLSearchParams): Omit<JustificatifQueueFilter, 'view' | 'oldestFirst'> {
  const held = params.get('prises');
  return {
    campaignYear: int(params.get('annee')),
    scheme: (params.get('regime') as Scheme | null) || null,
    indicatorCode: params.get('annee') ? params.get('indicateur') || null : null,
    profession: (params.get('profession') as Profession | null) || null,
    caisseCode: params.get('caisse') || null,
    minAgeDays: int(params.get('ageMin')),
    maxAgeDays: int(params.get('ageMax')),
    holderId: params.get('detenteur') || null,
    held: held === 'oui' ? true : held === 'non' ? false : null,
    decidedByMe: params.get('parmoi') === '1' ? true : null,
    contradictionDetected: params.get('contradiction') === '1' ? true : null,
  };
}

/** How many of the fold's filters narrow the list (campaign, indicator, profession, caisse, age, holder). */
export function activeFilterCount(filter: Omit<JustificatifQueueFilter, 'view' | 'oldestFirst'>): number {
  return [
    filter.campaignYear !== null,
    !!filter.indicatorCode,
    !!filter.profession,
    !!filter.caisseCode,
    filter.minAgeDays !== null || filter.maxAgeDays !== null,
    !!filter.holderId || filter.held !== null,
  ].filter(Boolean).length;
}

/** The phone's fold button: what it holds and how many filters are on. */
export function foldLabel(active: number): string {
  if (active === 0) return 'Filtres et vues';
  return `Filtres et vues (${active} filtre${active > 1 ? 's actifs' : ' actif'})`;
}

/** A queue URL from a filter, for links (dashboard drill-down) and saved views. */
export function queueUrl(filter: Partial<JustificatifQueueFilter>): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  };
  set('vue', filter.view);
  set('annee', filter.campaignYear);
  set('regime', filter.scheme);
  set('indicateur', filter.indicatorCode);
  set('profession', filter.profession);
  set('caisse', filter.caisseCode);
  set('ageMin', filter.minAgeDays);
  set('ageMax', filter.maxAgeDays);
  set('detenteur', filter.holderId);
  set('prises', filter.held === true ? 'oui' : filter.held === false ? 'non' : null);
  set('parmoi', filter.decidedByMe ? '1' : null);
  set('contradiction', filter.contradictionDetected ? '1' : null);
  set('tri', filter.oldestFirst === false ? 'recents' : filter.oldestFirst === true ? 'anciens' : null);
  return `/justificatifs?${params.toString()}`;
}

/** Keys that change the list: changing one goes back to page 1. */
export const FILTER_KEYS = [
  'annee',
  'regime',
  'indicateur',
  'profession',
  'caisse',
  'ageMin',
  'ageMax',
  'detenteur',
  'prises',
  'parmoi',
  'contradiction',
  'tri',
];
export const PAGE_KEYS = ['page', 'apres', 'avant', 'fin'];
