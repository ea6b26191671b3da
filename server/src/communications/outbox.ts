/**
 * The transactional outbox: `enqueueMessage` writes one message in the caller's transaction, so the
 * message exists if and only if its cause committed (a decision, a relance wave, a control-case request).
 * The worker (worker.ts) sends it afterwards; a mail failure never rolls the cause back.
 */
import type { EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { Caisse } from '../professionals/caisse.entity';
import type { Professional } from '../professionals/professional.entity';
import type { CommunicationChannel, CommunicationKind } from './communication.kinds';
import { Communication } from './communication.entity';
import {
  renderSignature,
  renderTemplate,
  shippedTemplates,
  type RenderedMessage,
  type TemplateView,
} from './templates';

export const UNKNOWN_ADDRESS = 'adresse inconnue';

const FRENCH_DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export function frenchDate(value: string | Date): string {
  return FRENCH_DATE.format(typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value);
}

export function postalBlock(
  p: Pick<Professional, 'firstName' | 'lastName' | 'addressLine' | 'postalCode' | 'commune'>,
) {
  if (!p.addressLine?.trim() || !p.postalCode?.trim() || !p.commune?.trim()) return [];
  return [`${p.firstName} ${p.lastName}`.trim(), p.addressLine.trim(), `${p.postalCode} ${p.commune.toUpperCase()}`];
}

/** E-mail when the annuaire has an address, a letter otherwise, or when the agent asks for one. */
export function chooseChannel(
  p: Pick<Professional, 'email' | 'addressLine' | 'postalCode' | 'commune' | 'firstName' | 'lastName'>,
  preferLetter = false,
): CommunicationChannel | null {
  const hasEmail = !!p.email?.trim();
  const hasAddress = postalBlock(p).length > 0;
  if (preferLetter && hasAddress) return 'LETTER';
  if (hasEmail) return 'EMAIL';
  return hasAddress ? 'LETTER' : null;
}

export interface Letterhead {
  sender: string[];
  signature: string[];
}

export interface MessageInput {
  professional: Professional;
  campaignId: number | null;
  kind: CommunicationKind;
  subject: string;
  body: string;
  letterhead: Letterhead;
  justificatifId?: number | null;
  waveId?: number | null;
  createdByAgentId?: number | null;
  preferLetter?: boolean;
  now?: Date;
}

/**
 * Queues one message in the caller's transaction and returns its id. Without an e-mail nor a postal
 * address the row is written FAILED « adresse inconnue »: visible in the file and the wave, never dropped.
 */
export async function enqueueMessage(em: EntityManager, input: MessageInput): Promise<number> {
  const p = input.professional;
  const channel = chooseChannel(p, input.preferLetter);
  const now = input.now ?? new Date();
  const result = await em.getRepository(Communication).insert({
    caisseCode: p.caisseCode,
    professionalId: p.id,
    campaignId: input.campaignId,
    kind: input.kind,
    channel: channel ?? 'LETTER',
    status: channel ? 'QUEUED' : 'FAILED',
    recipientEmail: channel === 'EMAIL' ? p.email!.trim() : null,
    recipientAddress: postalBlock(p),
    subject: input.subject.slice(0, 300),
    body: input.body,
    letterhead: input.letterhead,
    justificatifId: input.justificatifId ?? null,
    waveId: input.waveId ?? null,
    createdByAgentId: input.createdByAgentId ?? null,
    attempts: 0,
    nextAttemptAt: now,
    claimToken: null,
    claimedUntil: null,
    lastError: channel ? null : UNKNOWN_ADDRESS,
    sentAt: null,
    version: 1,
  });
  return Number(result.identifiers[0]?.id);
}

// ---------------------------------------------------------------------------------------------
// Rendering a kind for one professional

export interface Composed extends RenderedMessage {
  letterhead: Letterhead;
}

export interface ComposeParts {
  indicator?: { label: string };
  indicators?: { label: string }[];
  motifs?: string[];
  comment?: string;
  checklist?: string[];
  /** The date the professional must answer by ('YYYY-MM-DD'); the campaign's closing date when absent. */
  deadline?: string;
}

/** Caisse and campaign of a message, read once per wave or decision. */
export interface ComposeContext {
  campaign: Pick<Campaign, 'label' | 'referenceYear' | 'scheme' | 'closesOn'>;
  caisse: Pick<Caisse, 'code' | 'name'>;
  today: Date;
}

export async function composeContext(em: EntityManager, campaignId: number, caisseCode: string, today = new Date()) {
  const campaign = await em.getRepository(Campaign).findOneByOrFail({ id: campaignId });
  const caisse = (await em.getRepository(Caisse).findOneBy({ code: caisseCode })) ?? {
    code: caisseCode,
    name: `CPAM ${caisseCode}`,
  };
  return { campaign, caisse, today };
}

/** Renders a kind with the campaign's templates; null when the campaign does not send that kind. */
export function compose(
  ctx: ComposeContext,
  kind: CommunicationKind,
  professional: Pick<Professional, 'firstName' | 'lastName' | 'amNumber'>,
  parts: ComposeParts = {},
): Composed | null {
  const file = shippedTemplates().find(ctx.campaign.referenceYear, ctx.campaign.scheme);
  if (!file) return null;
  const base: TemplateView = {
    professional: {
      fullName: `${professional.firstName} ${professional.lastName}`.trim(),
      firstName: professional.firstName,
      lastName: professional.lastName,
      amNumber: professional.amNumber,
    },
    campaign: {
      label: ctx.campaign.label,
      year: String(ctx.campaign.referenceYear),
      closesOn: frenchDate(ctx.campaign.closesOn),
    },
    caisse: { code: ctx.caisse.code, label: ctx.caisse.name },
    ...parts,
    sendInstructions: '',
    deadline: frenchDate(parts.deadline ?? ctx.campaign.closesOn),
    today: frenchDate(ctx.today),
  };
  const view = {
    ...base,
    sendInstructions: renderSignature({ ...file, signature: [file.sendInstructions] }, base)[0]!,
  };
  const rendered = renderTemplate(file, kind, view);
  if (!rendered) return null;
  return {
    ...rendered,
    letterhead: {
      sender: ['Assurance Maladie', ctx.caisse.name],
      signature: renderSignature(file, view),
    },
  };
}
