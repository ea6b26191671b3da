import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AgentSummary } from '../agents/agent-summary.type';
import { Connection } from '../common/connection.types';
import type { AuditDetails, AuditEvent } from './audit-event.entity';

@ObjectType('AuditEvent', { description: 'Un événement du journal d’audit (chaîné : toute modification se détecte).' })
export class AuditEventNode {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'LOGIN, LOGIN_FAILED, AGENT_CREATED, JUSTIFICATIF_VALIDATED…' })
  action: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Agent auteur ; vide pour un échec de connexion ou la ligne de commande.',
  })
  agentId: string | null;

  /** Resolved through the request's loader (AuditResolver.agent). */
  agent?: AgentSummary | null;

  @Field(() => String, { nullable: true })
  targetType: string | null;

  @Field(() => String, { nullable: true })
  targetId: string | null;

  @Field(() => String, { nullable: true })
  caisseCode: string | null;

  @Field(() => ID, { nullable: true })
  professionalId: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  details: AuditDetails | null;
}

export function toAuditEventNode(row: AuditEvent): AuditEventNode {
  return {
    id: String(row.id),
    at: row.at,
    action: row.action,
    agentId: row.agentId === null ? null : String(row.agentId),
    targetType: row.targetType,
    targetId: row.targetId,
    caisseCode: row.caisseCode,
    professionalId: row.professionalId === null ? null : String(row.professionalId),
    details: row.details,
  };
}

@InputType('AuditTrailFilter')
export class AuditTrailFilter {
  @Field(() => ID, { nullable: true, description: 'Les événements concernant ce professionnel.' })
  professionalId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Les actions de cet agent.' })
  agentId?: string | null;
}

export const AuditEventConnection = Connection(AuditEventNode, 'AuditEvent');
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;
