/**
 * A small, explicit world for integration tests: two caisses, a campaign from the real référentiel,
 * and professionals with declarations built through the same services the API uses.
 */
import type { EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { importReferentiel } from '../campaigns/referentiel.service';
import { readReferentielFile } from '../campaigns/referentiel/load';
import type { IndicatorValueData } from '../campaigns/rules/types';
import type { CampaignStatus, Profession, ValueSource } from '../common/enums';
import { IndicatorValue } from '../declarations/declaration.entity';
import { ensureDeclaration, recomputeDeclaration } from '../declarations/declarations.service';
import { Justificatif, JustificatifHistory } from '../justificatifs/justificatif.entity';
import { StoredFile } from '../files/stored-file.entity';
import { Caisse } from '../professionals/caisse.entity';
import { searchKey } from '../professionals/normalize';
import { Professional } from '../professionals/professional.entity';
import { Software, SoftwarePublisher } from '../software/software.entity';

export { softwareValue } from '../software/software-value';

let sequence = 0;

export async function createCaisses(em: EntityManager) {
  await em.getRepository(Caisse).insert([
    { code: '211', name: "CPAM de la Côte-d'Or", departement: '21' },
    { code: '751', name: 'CPAM de Paris', departement: '75' },
  ]);
}

/** Loads a référentiel file as a campaign and forces its status (tests decide the calendar). */
export async function createCampaign(em: EntityManager, fileName: string, status: CampaignStatus): Promise<Campaign> {
  await importReferentiel(em, readReferentielFile(fileName), '2026-11-22');
  const file = readReferentielFile(fileName);
  const repo = em.getRepository(Campaign);
  const campaign = await repo.findOneByOrFail({
    referenceYear: file.campaign.referenceYear,
    scheme: file.campaign.scheme,
  });
  await repo.update({ id: campaign.id }, { status });
  return { ...campaign, status };
}

export async function createProfessional(
  em: EntityManager,
  overrides: Partial<Professional> & { profession: Profession; caisseCode: string },
): Promise<Professional> {
  const n = ++sequence;
  const lastName = overrides.lastName ?? `Lefèvre${String.fromCharCode(65 + (n % 26))}`;
  const firstName = overrides.firstName ?? 'Éloïse';
  const row = {
    amNumber: `${overrides.caisseCode.slice(0, 2)}${String(1000000 + n).slice(-7)}`,
    rpps: String(10000000000 + n),
    adeli: null,
    lastName,
    firstName,
    searchName: searchKey(`${lastName} ${firstName}`),
    specialty: null,
    addressLine: `${n} rue de la Liberté`,
    postalCode: overrides.caisseCode === '751' ? '75011' : '21000',
    commune: overrides.caisseCode === '751' ? 'Paris' : 'Dijon',
    communeKey: overrides.caisseCode === '751' ? 'PARIS' : 'DIJON',
    installationDate: '2015-03-01',
    email: null,
    phone: null,
    usesAmelipro: true,
    ...overrides,
  };
  const inserted = await em.getRepository(Professional).insert(row);
  return em.getRepository(Professional).findOneByOrFail({ id: Number(inserted.identifiers[0]?.id) });
}

export async function createSoftware(em: EntityManager, publisherName: string, name: string, version: string) {
  const publishers = em.getRepository(SoftwarePublisher);
  const publisher =
    (await publishers.findOneBy({ name: publisherName })) ??
    (await publishers.save(publishers.create({ name: publisherName })));
  const software = await em
    .getRepository(Software)
    .save(
      em
        .getRepository(Software)
        .create({ publisherId: publisher.id, name, version, dmpCompatible: true, lapCertified: true }),
    );
  return { publisher, software };
}

/** Sets indicator values of a professional's declaration (creating it) and re-evaluates it. */
export async function declare(
  em: EntityManager,
  professional: Professional,
  campaign: Campaign,
  values: Record<string, { data: IndicatorValueData; source: ValueSource }>,
) {
  const declaration = await ensureDeclaration(em, professional, campaign);
  const indicators = await em.getRepository(Indicator).findBy({ campaignId: campaign.id });
  for (const [code, { data, source }] of Object.entries(values)) {
    const indicator = indicators.find((i) => i.code === code);
    if (!indicator) throw new Error(`unknown indicator ${code}`);
    await em
      .getRepository(IndicatorValue)
      .update({ declarationId: declaration.id, indicatorId: indicator.id }, { value: data, source });
  }
  await recomputeDeclaration(em, declaration.id);
  return declaration;
}

/** A received justificatif on a stored (fake-content) PDF, as the seed or a receipt would make it. */
export async function receivedJustificatif(
  em: EntityManager,
  professional: Professional,
  campaign: Campaign,
  indicatorCode: string,
) {
  const indicator = await em.getRepository(Indicator).findOneByOrFail({ campaignId: campaign.id, code: indicatorCode });
  const fileId = (++sequence).toString(16).padStart(64, 'a');
  await em.getRepository(StoredFile).insert({
    id: fileId,
    contentType: 'application/pdf',
    sizeBytes: 10,
    originalName: 'facture.pdf',
    uploadedByAgentId: null,
  });
  const inserted = await em.getRepository(Justificatif).insert({
    professionalId: professional.id,
    campaignId: campaign.id,
    indicatorId: indicator.id,
    caisseCode: professional.caisseCode,
    profession: professional.profession,
    family: indicator.definition.justificatif.family ?? indicator.code,
    receivedAt: new Date(Date.now() - 10 * 86_400_000),
    channel: 'EMAIL',
    fileId,
    status: 'RECEIVED',
    version: 1,
  });
  const id = Number(inserted.identifiers[0]?.id);
  await em.getRepository(JustificatifHistory).insert({
    justificatifId: id,
    action: 'RECEIVED',
    fromStatus: null,
    toStatus: 'RECEIVED',
    agentId: null,
    at: new Date(),
  });
  return em.getRepository(Justificatif).findOneByOrFail({ id });
}
