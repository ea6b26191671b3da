import { Field, ID, ObjectType } from 'type-graphql';

/** What other agents see of an agent (who decided, who holds a dossier): no e-mail, no rights. */
@ObjectType({ description: 'Agent, tel que vu par les autres agents.' })
export class AgentSummary {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String)
  caisseCode: string;
}
