/** GraphQL shapes of the agents domain: output types are separate from the entity and never carry the hash. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AGENT_ROLES, type AgentRole } from '../common/enums';
import { Connection } from '../common/connection.types';
import type { Agent } from './agent.entity';
import { Permission, ROLE_PERMISSIONS, type AuthenticatedAgent } from './authorization';

export const AgentRoleEnum = Object.fromEntries(AGENT_ROLES.map((role) => [role, role])) as {
  [K in AgentRole]: K;
};

registerEnumType(AgentRoleEnum, {
  name: 'AgentRole',
  description: 'Rôle de l’agent, qui détermine ses habilitations.',
  valuesConfig: {
    CONSEILLER: { description: 'Conseiller : instruit les pièces justificatives et saisit les déclarations papier.' },
    DAM: { description: 'Délégué de l’Assurance Maladie : consulte les dossiers et trace ses échanges.' },
    SUPERVISEUR: { description: 'Superviseur : répartit le travail, suit les tableaux de bord, lit le journal.' },
    ADMIN: { description: 'Administrateur : gère les agents et le référentiel.' },
  },
});

registerEnumType(Permission, { name: 'Permission', description: 'Habilitation accordée par un rôle.' });

@ObjectType('Agent', { description: 'Agent de la CPAM.' })
export class AgentNode {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => AgentRoleEnum)
  role: AgentRole;

  @Field(() => String, { description: 'Caisse de rattachement (code à 3 caractères).' })
  caisseCode: string;

  @Field(() => Boolean, { description: 'Vrai quand l’agent voit toutes les caisses.' })
  nationalScope: boolean;

  @Field(() => Boolean, { description: 'Faux quand le compte est désactivé : plus aucune connexion possible.' })
  active: boolean;

  @Field(() => [Permission], { description: 'Habilitations que donne le rôle (pour adapter la console).' })
  permissions: Permission[];
}

export function toAgentNode(agent: Agent | (AuthenticatedAgent & { active?: boolean })): AgentNode {
  return {
    id: String(agent.id),
    email: agent.email,
    displayName: agent.displayName,
    role: agent.role,
    caisseCode: agent.caisseCode,
    nationalScope: agent.nationalScope,
    active: agent.active ?? true,
    permissions: [...ROLE_PERMISSIONS[agent.role]],
  };
}

@ObjectType('LoginResult')
export class LoginResultNode {
  @Field(() => String, {
    description: 'Jeton de session, à envoyer en `Authorization: Bearer` (la console utilise le cookie).',
  })
  token: string;

  @Field(() => Date, { description: 'Fin absolue de la session.' })
  expiresAt: Date;

  @Field(() => AgentNode)
  agent: AgentNode;
}

@InputType('CreateAgentInput')
export class CreateAgentInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => AgentRoleEnum)
  role: AgentRole;

  @Field(() => String)
  caisseCode: string;

  @Field(() => Boolean, { defaultValue: false })
  nationalScope: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Au moins 12 caractères ; absent, un mot de passe est généré et rendu une seule fois.',
  })
  password?: string | null;
}

@ObjectType('CreateAgentResult')
export class CreateAgentResultNode {
  @Field(() => AgentNode)
  agent: AgentNode;

  @Field(() => String, {
    nullable: true,
    description: 'Mot de passe généré, à transmettre à l’agent : il ne sera plus jamais affiché.',
  })
  generatedPassword: string | null;
}

export const AgentConnection = Connection(AgentNode, 'Agent');
export type AgentConnection = InstanceType<typeof AgentConnection>;
