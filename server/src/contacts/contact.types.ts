import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { ContactChannel } from '../common/enums';
import { ContactChannelEnum } from '../common/graphql-enums';

@ObjectType('ContactLog', { description: "Échange d'un DAM avec un professionnel." })
export class ContactLogNode {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => ContactChannelEnum)
  channel: ContactChannel;

  @Field(() => String)
  subject: string;

  @Field(() => String)
  notes: string;

  agentId: number;
  campaignId: number | null;
}

@InputType()
export class ContactInput {
  @Field(() => ID)
  professionalId: string;

  @Field(() => ContactChannelEnum)
  channel: ContactChannel;

  @Field(() => String)
  subject: string;

  @Field(() => String)
  notes: string;

  @Field(() => Date, { nullable: true, description: 'Date de l’échange (défaut : maintenant).' })
  at?: Date | null;

  @Field(() => ID, { nullable: true })
  campaignId?: string | null;
}
