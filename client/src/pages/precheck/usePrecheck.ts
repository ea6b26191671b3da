/**
 * The pré-contrôle on the review screen: pre-ticks the items the pre-check FOUND (the agent still
 * confirms every item and decides), polls while the piece is being read, and keeps which evidence the
 * document shows. Nothing here decides anything.
 */
import { useEffect, useRef, useState } from 'react';
import type { JustificatifQuery } from '../../gql/graphql';

type Justificatif = NonNullable<JustificatifQuery['justificatif']>;
export type PrecheckData = NonNullable<Justificatif['precheck']>;
export type FindingData = PrecheckData['findings'][number];

export interface EvidenceFocus {
  item: string;
  page: number;
  box: { x: number; y: number; w: number; h: number };
  contradicted: boolean;
}

const READING = new Set(['PENDING', 'RUNNING']);

export function usePrecheck(
  j: Justificatif | null | undefined,
  setChecked: (update: (current: Record<string, boolean>) => Record<string, boolean>) => void,
  polling: { startPolling(ms: number): void; stopPolling(): void },
) {
  const [focus, setFocus] = useState<EvidenceFocus | null>(null);
  const prefilled = useRef(false);
  const precheck = j?.precheck ?? null;
  const reading = !!precheck && READING.has(precheck.status) && j?.status === 'RECEIVED';
  const { startPolling, stopPolling } = polling;

  useEffect(() => {
    if (!reading) return;
    startPolling(3_000);
    return () => stopPolling();
  }, [reading, startPolling, stopPolling]);

  // Once, when findings exist and the agent has ticked nothing yet: the FOUND items arrive ticked.
  useEffect(() => {
    if (prefilled.current || !j || j.status !== 'RECEIVED' || precheck?.status !== 'DONE') return;
    prefilled.current = true;
    const found = precheck.findings.filter((f) => f.status === 'FOUND').map((f) => f.item);
    setChecked((current) =>
      Object.keys(current).length > 0 ? current : Object.fromEntries(found.map((item) => [item, true])),
    );
  }, [j, precheck, setChecked]);

  const findingOf = (code: string): FindingData | null =>
    precheck?.status === 'DONE' ? (precheck.findings.find((f) => f.item === code) ?? null) : null;

  const show = (finding: FindingData) => {
    if (finding.page === null || finding.page === undefined || !finding.box) return;
    setFocus({
      item: finding.item,
      page: finding.page,
      box: finding.box,
      contradicted: finding.status === 'CONTRADICTED',
    });
  };

  return { precheck, reading, findingOf, focus, show };
}
