/**
 * Payments from the payment system: initial payments and regularisations, keyed by the payment
 * system's reference (a rerun updates, never duplicates).
 */
import { In } from 'typeorm';
import { PAYMENT_KINDS, PAYMENT_STATUSES, type PaymentKind, type PaymentStatus, type Scheme } from '../../common/enums';
import { Payment } from '../../payments/payment.entity';
import { bulkUpsert, chunks } from '../../db/bulk';
import {
  amNumber,
  calendarDate,
  campaignYear,
  euros,
  oneOf,
  optional,
  quote,
  reject,
  required,
  scheme,
  type RawRow,
} from '../fields';
import {
  attempt,
  checkConcerned,
  checkProfessional,
  professionalsByAmNumber,
  type KindHandler,
  type Outcome,
} from '../handler';
import { findCampaignRef, type CampaignRef, type ReferenceData } from '../reference';

export interface PaymentRow {
  reference: string;
  amNumber: string;
  year: number;
  scheme: Scheme;
  ref: CampaignRef;
  kind: PaymentKind;
  amountCents: number;
  paidOn: string;
  /** Null: not given in the file. */
  status: PaymentStatus | null;
}

/** Above this, an amount for one professional and one campaign is a data error. */
const MAX_CENTS = 10_000_000;

function parse(row: RawRow, reference: ReferenceData): PaymentRow {
  const ref = required(row, 'reference');
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/.test(ref)) {
    reject(
      'reference',
      `Référence de paiement invalide : ${quote(ref)} (40 caractères au plus : lettres, chiffres, . _ / -).`,
    );
  }
  const am = amNumber(row);
  const year = campaignYear(row);
  const sch = scheme(row);
  const campaign = findCampaignRef(reference, year, sch);
  const kind = oneOf('kind', required(row, 'kind'), PAYMENT_KINDS, 'Type de paiement');
  const amountCents = euros('amount_eur', required(row, 'amount_eur'));
  if (Math.abs(amountCents) > MAX_CENTS)
    reject('amount_eur', `Montant hors limites : ${amountCents / 100} € (100 000 € au plus).`);
  if (kind === 'INITIAL' && amountCents <= 0) reject('amount_eur', 'Un paiement initial doit être positif.');
  if (amountCents === 0) reject('amount_eur', 'Une régularisation de 0 € ne se paie pas.');
  const paidOn = calendarDate('paid_on', required(row, 'paid_on'));
  if (paidOn < campaign.campaign.opensOn) {
    reject('paid_on', `Paiement daté du ${paidOn}, avant l'ouverture de la campagne (${campaign.campaign.opensOn}).`);
  }
  const status = optional(row, 'status');
  return {
    reference: ref,
    amNumber: am,
    year,
    scheme: sch,
    ref: campaign,
    kind,
    amountCents,
    paidOn,
    // Absent or empty: a new payment is SENT, a known one keeps its status (a CANCELLED payment stays so).
    status: status === null ? null : oneOf('status', status, PAYMENT_STATUSES, 'Statut de paiement'),
  };
}

export const PAYMENTS: KindHandler<PaymentRow> = {
  kind: 'PAYMENTS',
  columns: [
    { name: 'reference', required: true },
    { name: 'am_number', required: true },
    { name: 'campaign_year', required: true },
    { name: 'scheme', required: true },
    { name: 'kind', required: true },
    { name: 'amount_eur', required: true },
    { name: 'paid_on', required: true },
    { name: 'status', required: false },
  ],
  parse,
  key: (d) => d.reference,
  async apply(em, rows, ctx) {
    const professionals = await professionalsByAmNumber(
      em,
      rows.map((r) => r.data.amNumber),
    );
    const existing = new Map<string, Payment>();
    for (const slice of chunks(rows.map((r) => r.data.reference))) {
      for (const p of await em.getRepository(Payment).findBy({ reference: In(slice) })) existing.set(p.reference, p);
    }
    const writes: Omit<Payment, 'id'>[] = [];
    const outcomes: Outcome[] = rows.map(({ data }) =>
      attempt(() => {
        const professional = checkProfessional(professionals, data.amNumber, ctx);
        checkConcerned(data.ref, professional);
        const current = existing.get(data.reference);
        const next: Omit<Payment, 'id'> = {
          reference: data.reference,
          professionalId: professional.id,
          campaignId: data.ref.campaign.id,
          caisseCode: professional.caisseCode,
          kind: data.kind,
          amountCents: data.amountCents,
          paidOn: data.paidOn,
          status: data.status ?? current?.status ?? 'SENT',
        };
        if (current && current.professionalId !== professional.id) {
          reject('reference', `Référence ${data.reference} déjà utilisée pour un autre professionnel.`);
        }
        if (current && ctx.scope && !ctx.scope.includes(current.caisseCode)) {
          reject('reference', `Paiement ${data.reference} d'une caisse hors de votre périmètre.`);
        }
        if (
          current &&
          (Object.keys(next) as (keyof typeof next)[]).every((k) => String(current[k]) === String(next[k]))
        ) {
          return 'unchanged';
        }
        writes.push(next);
        return current ? 'updated' : 'inserted';
      }),
    );
    await bulkUpsert(
      em,
      Payment,
      writes,
      ['reference'],
      ['professionalId', 'campaignId', 'caisseCode', 'kind', 'amountCents', 'paidOn', 'status'],
    );
    return { outcomes, touchedDeclarations: [] };
  },
};
