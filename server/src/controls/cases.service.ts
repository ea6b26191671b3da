/**
 * The control case lifecycle through ONE transition function: the conditional update on the version (and the
 * status, and the holder), the history row, the re-evaluation of the declaration and the indu when the
 * conclusion goes against the professional, and the audit event last — all in one transaction. Expected
 * failures (stale version, a colleague's case, a transition the state forbids) come back as typed refusals.
 */
import type { EntityManager } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { Permission, assertInScope, can, requirePermission, type AuthenticatedAgent } from '../agents/authorization';
import type { AuditDetails } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { Indicator } from '../campaigns/indicator.entity';
import { JUSTIFICATIF_CHANNELS, type JustificatifChannel } from '../common/enums';
import { badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { Declaration } from '../declarations/declaration.entity';
import { recomputeDeclaration } from '../declarations/declarations.service';
import { evaluateDeclaration } from '../declarations/evaluation';
import { loadEvaluationInputs } from '../declarations/evaluation-inputs';
import { StoredFile } from '../files/stored-file.entity';
import type { RequestContext } from '../common/request-context';
import { Payment } from '../payments/payment.entity';
import { motifLabel, motifsFor } from './control-motifs';
import {
  ControlCase,
  ControlCaseHistory,
  ControlItem,
  ControlPlan,
  type ControlCaseStatus,
  type ControlFinding,
  type ControlHistoryDetails,
  type ControlRequestChannel,
} from './control.entity';
import { addDays, checkControlTransition, deadlinePassed, STATUS_LABELS } from './control.machine';
import { computeIndu } from './indu';
import { requestPieces } from './request-pieces';

const MAX_COMMENT = 2000;

export type ControlCommand =
  | { action: 'ASSIGNED' }
  | { action: 'RELEASED' }
  | { action: 'PIECES_REQUESTED'; channel: ControlRequestChannel }
  | { action: 'PIECE_ATTACHED'; fileId: string; channel: JustificatifChannel; receivedAt?: Date | null }
  | { action: 'CONCLUDED_COMPLIANT'; comment?: string | null }
  | { action: 'CONCLUDED_NON_COMPLIANT'; findings: ControlFinding[]; comment?: string | null }
  /** bulk: the superviseur's closure of expired cases (no holder needed; PLAN_CONTROLS instead of CONDUCT). */
  | { action: 'NO_RESPONSE'; comment?: string | null; bulk?: boolean };

export const REFUSAL_CODES = ['STALE_VERSION', 'HELD_BY_ANOTHER', 'INVALID_TRANSITION', 'DEADLINE_NOT_PASSED'] as const;
export type ControlRefusalCode = (typeof REFUSAL_CODES)[number];

export type ControlTransitionOutcome =
  | { kind: 'UPDATED'; controlCase: ControlCase }
  | { kind: 'REFUSED'; code: ControlRefusalCode; message: string; controlCase: ControlCase };

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Input checks that need the case's indicators: every finding names one of them, with motifs that apply. */
async function validateCommand(em: EntityManager, row: ControlCase, command: ControlCommand): Promise<void> {
  if ('comment' in command && (command.comment ?? '').length > MAX_COMMENT) {
    throw badInput('Commentaire trop long (2 000 caractères au plus).', 'comment');
  }
  if (command.action === 'PIECE_ATTACHED') {
    if (!/^[a-f0-9]{64}$/.test(command.fileId)) throw badInput('Identifiant de fichier mal formé.', 'fileId');
    if (!JUSTIFICATIF_CHANNELS.includes(command.channel)) throw badInput('Canal de réception inconnu.', 'channel');
    if (command.receivedAt && command.receivedAt.getTime() > Date.now() + 60_000) {
      throw badInput('La date de réception ne peut pas être dans le futur.', 'receivedAt');
    }
    if (!(await em.getRepository(StoredFile).existsBy({ id: command.fileId }))) {
      throw badInput('Fichier introuvable : déposez-le d’abord (POST /api/files).', 'fileId');
    }
  }
  if (command.action !== 'CONCLUDED_NON_COMPLIANT') return;
  if (command.findings.length === 0) {
    throw badInput('Indiquez au moins un indicateur non conforme et son motif.', 'motifs');
  }
  const indicators = await em.getRepository(Indicator).findBy({ campaignId: row.campaignId });
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const seen = new Set<string>();
  for (const finding of command.findings) {
    const indicator = byCode.get(finding.indicatorCode);
    if (!indicator || !row.indicatorCodes.includes(finding.indicatorCode)) {
      throw badInput(`L'indicateur « ${finding.indicatorCode} » n'est pas contrôlé dans ce dossier.`, 'motifs');
    }
    if (seen.has(finding.indicatorCode))
      throw badInput(`Indicateur cité deux fois : ${finding.indicatorCode}.`, 'motifs');
    seen.add(finding.indicatorCode);
    if (finding.motifs.length === 0) throw badInput(`Motif manquant pour ${indicator.label}.`, 'motifs');
    const allowed = motifsFor(indicator.kind, indicator.valueType).map((m) => m.code);
    const wrong = finding.motifs.filter((m) => !allowed.includes(m));
    if (wrong.length > 0) {
      throw badInput(`Motif non applicable à « ${indicator.label} » : ${wrong.join(', ')}.`, 'motifs');
    }
    if (new Set(finding.motifs).size !== finding.motifs.length) throw badInput('Motif en double.', 'motifs');
  }
}

function mayAct(agent: AuthenticatedAgent, row: ControlCase, command: ControlCommand): void {
  const action = command.action;
  if (action === 'NO_RESPONSE' && command.bulk) {
    requirePermission(agent, Permission.PLAN_CONTROLS);
    return;
  }
  if (action === 'RELEASED') {
    if (row.assignedAgentId === agent.id && can(agent, Permission.CONDUCT_CONTROLS)) return;
    requirePermission(agent, Permission.ASSIGN_ANY_CONTROL);
    return;
  }
  requirePermission(agent, Permission.CONDUCT_CONTROLS);
}

async function holderName(em: EntityManager, agentId: number | null): Promise<string> {
  const holder = agentId ? await em.getRepository(Agent).findOneBy({ id: agentId }) : null;
  return holder?.displayName ?? 'un autre agent';
}

/** Whether the command must come from the case's holder (or anyone while nobody holds it). */
const needsHold = (command: ControlCommand) =>
  command.action !== 'RELEASED' && !(command.action === 'NO_RESPONSE' && command.bulk);

export async function transitionControlCase(
  ctx: RequestContext,
  rawId: string,
  expectedVersion: number,
  command: ControlCommand,
): Promise<ControlTransitionOutcome> {
  const agent = requirePermission(ctx.agent, Permission.READ_CONTROLS);
  const id = parseId(rawId, 'Contrôle');
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw badInput('Version attendue invalide.', 'expectedVersion');
  }
  return ctx.db.transaction(async (em) => {
    const repo = em.getRepository(ControlCase);
    const row = assertInScope(agent, await repo.findOneBy({ id }), 'Contrôle');
    mayAct(agent, row, command);
    await validateCommand(em, row, command);
    const refuse = (code: ControlRefusalCode, message: string, current = row): ControlTransitionOutcome => ({
      kind: 'REFUSED',
      code,
      message,
      controlCase: current,
    });

    const check = checkControlTransition(row.status, command.action);
    if (!check.allowed) return refuse('INVALID_TRANSITION', check.reason);
    const heldByAnother = row.assignedAgentId !== null && row.assignedAgentId !== agent.id;
    if (needsHold(command) && heldByAnother) {
      const who = await holderName(em, row.assignedAgentId);
      return refuse('HELD_BY_ANOTHER', `Ce contrôle est pris en charge par ${who} : lui seul peut le traiter.`);
    }
    if (row.version !== expectedVersion) {
      return refuse('STALE_VERSION', 'Le contrôle a changé depuis votre lecture : l’affichage a été actualisé.');
    }
    const now = new Date();
    if (command.action === 'NO_RESPONSE' && !deadlinePassed(row.responseDeadline, today(now))) {
      return refuse(
        'DEADLINE_NOT_PASSED',
        `Le délai de réponse court jusqu’au ${row.responseDeadline} : le contrôle ne peut pas encore être clos sans réponse.`,
      );
    }

    const changes = await changesOf(em, row, command, agent, now);
    const update = repo
      .createQueryBuilder()
      .update(ControlCase)
      .set({ ...changes, status: check.to, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', {
        id,
        version: expectedVersion,
        status: row.status,
      });
    if (needsHold(command)) update.andWhere('(assigned_agent_id IS NULL OR assigned_agent_id = :me)', { me: agent.id });
    const result = await update.execute();
    if (!result.affected) {
      // Another agent committed between our read and our write: tell who, from the row as it is now.
      const current = await repo.findOneByOrFail({ id });
      if (current.assignedAgentId !== null && current.assignedAgentId !== agent.id && needsHold(command)) {
        const who = await holderName(em, current.assignedAgentId);
        return refuse('HELD_BY_ANOTHER', `Ce contrôle vient d’être pris en charge par ${who}.`, current);
      }
      return refuse(
        'STALE_VERSION',
        `Le contrôle vient d’être modifié par un autre agent (désormais ${STATUS_LABELS[current.status]}) : l’affichage a été actualisé.`,
        current,
      );
    }
    await em.getRepository(ControlCaseHistory).insert({
      caseId: id,
      action: command.action,
      fromStatus: row.status,
      toStatus: check.to,
      agentId: agent.id,
      at: now,
      details: historyDetails(command, changes),
    });
    if (command.action === 'CONCLUDED_NON_COMPLIANT' || command.action === 'NO_RESPONSE') {
      await applyFindings(em, { ...row, ...changes, status: check.to } as ControlCase);
    }
    await recordAudit(em, {
      agentId: agent.id,
      action: `CONTROL_${command.action}`,
      targetType: 'CONTROL_CASE',
      targetId: id,
      caisseCode: row.caisseCode,
      professionalId: row.professionalId,
      details: auditDetails(command),
    });
    return { kind: 'UPDATED', controlCase: await repo.findOneByOrFail({ id }) };
  });
}

async function changesOf(
  em: EntityManager,
  row: ControlCase,
  command: ControlCommand,
  agent: AuthenticatedAgent,
  now: Date,
): Promise<Partial<ControlCase>> {
  switch (command.action) {
    case 'ASSIGNED':
      return { assignedAgentId: agent.id, assignedAt: now };
    case 'RELEASED':
      return { assignedAgentId: null, assignedAt: null };
    case 'PIECES_REQUESTED': {
      const plan = await em.getRepository(ControlPlan).findOneByOrFail({ id: row.planId });
      const responseDeadline = addDays(today(now), plan.responseDays);
      const request = await requestPieces(em, row, command.channel, responseDeadline, agent.id, now);
      return {
        piecesRequestedAt: now,
        requestChannel: command.channel,
        requestDelivery: request.delivery,
        requestCommunicationId: request.communicationId,
        responseDeadline,
        // Whoever sends the request holds the case from then on.
        assignedAgentId: agent.id,
        assignedAt: row.assignedAt ?? now,
      };
    }
    case 'PIECE_ATTACHED':
      return {
        pieces: [
          ...(row.pieces ?? []),
          {
            fileId: command.fileId,
            receivedAt: (command.receivedAt ?? now).toISOString(),
            channel: command.channel,
            agentId: agent.id,
          },
        ],
      };
    case 'CONCLUDED_COMPLIANT':
      return {
        concludedAt: now,
        concludedByAgentId: agent.id,
        findings: [],
        comment: command.comment?.trim() || null,
        induCents: 0,
      };
    case 'CONCLUDED_NON_COMPLIANT':
      return {
        concludedAt: now,
        concludedByAgentId: agent.id,
        findings: command.findings,
        comment: command.comment?.trim() || null,
      };
    case 'NO_RESPONSE':
      return {
        concludedAt: now,
        concludedByAgentId: agent.id,
        findings: row.indicatorCodes.map((indicatorCode) => ({ indicatorCode, motifs: ['NO_PIECE_PROVIDED'] })),
        comment: command.comment?.trim() || null,
      };
  }
}

function historyDetails(command: ControlCommand, changes: Partial<ControlCase>): ControlHistoryDetails | null {
  switch (command.action) {
    case 'PIECES_REQUESTED':
      return {
        channel: command.channel,
        deadline: changes.responseDeadline ?? null,
        delivery: changes.requestDelivery ?? null,
        communicationId: changes.requestCommunicationId ?? null,
      };
    case 'PIECE_ATTACHED':
      return { fileId: command.fileId, channel: command.channel };
    case 'CONCLUDED_NON_COMPLIANT':
    case 'NO_RESPONSE':
      return { findings: changes.findings ?? [], comment: changes.comment ?? null };
    case 'CONCLUDED_COMPLIANT':
      return { comment: changes.comment ?? null };
    default:
      return null;
  }
}

function auditDetails(command: ControlCommand): AuditDetails | null {
  switch (command.action) {
    case 'PIECES_REQUESTED':
      return { channel: command.channel };
    case 'PIECE_ATTACHED':
      return { fileId: command.fileId };
    case 'CONCLUDED_NON_COMPLIANT':
      return { indicators: command.findings.map((f) => f.indicatorCode) };
    case 'NO_RESPONSE':
      return command.bulk ? { bulk: true } : null;
    default:
      return null;
  }
}

function findingReason(row: ControlCase, finding: ControlFinding, status: ControlCaseStatus): string {
  const prefix = `Contrôle a posteriori n° ${row.id}`;
  if (status === 'NO_RESPONSE') {
    return `${prefix} : pièces non fournies avant le ${row.responseDeadline} : indicateur non atteint`;
  }
  return `${prefix} non conforme (${finding.motifs.map(motifLabel).join(' ; ')}) : indicateur non atteint`.slice(
    0,
    400,
  );
}

/**
 * The conclusion against the professional: the findings on the controlled indicators, the declaration
 * re-evaluated (the rules read the findings), and the indu = what was sent − what is now due.
 */
async function applyFindings(em: EntityManager, row: ControlCase) {
  const declaration = await em
    .getRepository(Declaration)
    .findOneBy({ professionalId: row.professionalId, campaignId: row.campaignId });
  const before = declaration ? (await loadEvaluationInputs(em, [declaration.id])).get(declaration.id) : undefined;
  const paidRemuneration = before ? evaluateDeclaration(before.input).remuneration : null;
  for (const finding of row.findings ?? []) {
    await em
      .getRepository(ControlItem)
      .update(
        { caseId: row.id, indicatorCode: finding.indicatorCode },
        { finding: findingReason(row, finding, row.status) },
      );
  }
  if (!declaration || !paidRemuneration) return;
  const after = await recomputeDeclaration(em, declaration.id);
  const sent = await em
    .getRepository(Payment)
    .createQueryBuilder('p')
    .select('COALESCE(SUM(p.amountCents), 0)', 'total')
    .where('p.professionalId = :professionalId AND p.campaignId = :campaignId AND p.status = :sent', {
      professionalId: row.professionalId,
      campaignId: row.campaignId,
      sent: 'SENT',
    })
    .getRawOne<{ total: string | number }>();
  const indu = computeIndu(paidRemuneration, after.evaluation.remuneration, Number(sent?.total ?? 0));
  await em
    .getRepository(ControlCase)
    .update(
      { id: row.id },
      { induCents: indu.totalCents, induLines: indu.lines, induReason: indu.reason.slice(0, 400) },
    );
}
