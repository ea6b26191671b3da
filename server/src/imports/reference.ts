/**
 * What rows are checked against, loaded once per run: campaigns with their indicators, caisses, and
 * the software catalogue. Which indicator a feed fills is read from the référentiel (prefillOrigin and
 * valueType), never from indicator codes.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import type { Scheme, PrefillOrigin, Profession, ValueType } from '../common/enums';
import { Caisse } from '../professionals/caisse.entity';
import { searchKey } from '../professionals/normalize';
import { Software, SoftwarePublisher } from '../software/software.entity';
import { reject } from './fields';

export interface CampaignRef {
  campaign: Campaign;
  indicators: Indicator[];
  byCode: Map<string, Indicator>;
}

export interface CatalogueEntry {
  software: Software;
  publisher: SoftwarePublisher;
}

export interface ReferenceData {
  campaigns: Map<string, CampaignRef>;
  caisses: Set<string>;
  catalogue: Map<string, CatalogueEntry>;
  publishers: Set<string>;
  softwareNames: Set<string>;
}

export const campaignKey = (year: number, scheme: Scheme) => `${year}:${scheme}`;

const catalogueKey = (...parts: string[]) => parts.map(searchKey).join('|');

export async function loadReference(db: DataSource | EntityManager, withCatalogue: boolean): Promise<ReferenceData> {
  const [campaigns, indicators, caisses] = await Promise.all([
    db.getRepository(Campaign).find(),
    db.getRepository(Indicator).find({ order: { campaignId: 'ASC', displayOrder: 'ASC' } }),
    db.getRepository(Caisse).find({ select: { code: true } }),
  ]);
  const byCampaign = new Map<string, CampaignRef>();
  for (const campaign of campaigns) {
    const own = indicators.filter((i) => i.campaignId === campaign.id);
    byCampaign.set(campaignKey(campaign.referenceYear, campaign.scheme), {
      campaign,
      indicators: own,
      byCode: new Map(own.map((i) => [i.code, i])),
    });
  }
  const reference: ReferenceData = {
    campaigns: byCampaign,
    caisses: new Set(caisses.map((c) => c.code)),
    catalogue: new Map(),
    publishers: new Set(),
    softwareNames: new Set(),
  };
  if (withCatalogue) {
    const [publishers, software] = await Promise.all([
      db.getRepository(SoftwarePublisher).find(),
      db.getRepository(Software).find(),
    ]);
    const publisherById = new Map(publishers.map((p) => [p.id, p]));
    for (const p of publishers) reference.publishers.add(catalogueKey(p.name));
    for (const s of software) {
      const publisher = publisherById.get(s.publisherId);
      if (!publisher) continue;
      reference.catalogue.set(catalogueKey(publisher.name, s.name, s.version), { software: s, publisher });
      reference.softwareNames.add(catalogueKey(publisher.name, s.name));
    }
  }
  return reference;
}

export function findCampaignRef(reference: ReferenceData, year: number, scheme: Scheme, column = 'campaign_year') {
  const ref = reference.campaigns.get(campaignKey(year, scheme));
  if (!ref) reject(column, `Campagne ${scheme} ${year} inconnue.`);
  return ref!;
}

const ORIGIN_LABELS: Record<PrefillOrigin, string> = {
  DMP_TRACES: 'les traces DMP',
  MSSANTE_DIRECTORY: "l'annuaire MSSanté",
  BILLING_FLOWS: 'les flux de facturation',
  ANNUAIRE_SANTE: "l'annuaire santé",
};

/**
 * The indicator of the campaign that the référentiel says is filled from `origin` with `valueType`.
 * When several match (e.g. two billing booleans), `prefer` picks by the référentiel's own wording.
 */
export function prefillTarget(
  ref: CampaignRef,
  origin: PrefillOrigin,
  valueType: ValueType,
  column: string,
  prefer?: { pattern: RegExp; what: string },
): Indicator {
  let candidates = ref.indicators.filter(
    (i) => i.definition.prefillOrigin === origin && i.definition.valueType === valueType,
  );
  if (candidates.length > 1 && prefer) {
    candidates = candidates.filter((i) =>
      prefer.pattern.test(searchKey(`${i.definition.label} ${i.definition.shortLabel ?? ''}`)),
    );
  }
  if (candidates.length === 0) {
    reject(
      column,
      `La campagne ${ref.campaign.label} n'a pas d'indicateur ${prefer ? `« ${prefer.what} » ` : ''}alimenté par ${ORIGIN_LABELS[origin]} (type ${valueType}).`,
    );
  }
  if (candidates.length > 1) {
    reject(
      column,
      `La campagne ${ref.campaign.label} a plusieurs indicateurs alimentés par ${ORIGIN_LABELS[origin]} (type ${valueType}) : ${candidates.map((c) => c.code).join(', ')}.`,
    );
  }
  return candidates[0]!;
}

/** Whether the indicator concerns a professional of this profession (référentiel `professions`). */
export function indicatorApplies(indicator: Indicator, profession: Profession): boolean {
  return !indicator.definition.professions || indicator.definition.professions.includes(profession);
}

export function lookupSoftware(
  reference: ReferenceData,
  publisher: string,
  name: string,
  version: string,
  columns: { publisher: string; software: string; version: string },
): CatalogueEntry {
  const entry = reference.catalogue.get(catalogueKey(publisher, name, version));
  if (entry) return entry;
  if (!reference.publishers.has(catalogueKey(publisher))) {
    reject(columns.publisher, `Éditeur inconnu du catalogue : « ${publisher} ».`);
  }
  if (!reference.softwareNames.has(catalogueKey(publisher, name))) {
    reject(columns.software, `Logiciel inconnu du catalogue pour l'éditeur ${publisher} : « ${name} ».`);
  }
  return reject(columns.version, `Version inconnue du catalogue pour ${name} (${publisher}) : « ${version} ».`);
}
