import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PaymentKind, PaymentStatus } from '../common/enums';
import { LocalDate } from '../common/scalars';
import { PaymentKindEnum, PaymentStatusEnum } from '../common/graphql-enums';

@ObjectType('Payment', { description: 'Paiement envoyé au PS (initial ou régularisation).' })
export class PaymentNode {
  @Field(() => ID)
  id: string;

  @Field(() => PaymentKindEnum)
  kind: PaymentKind;

  @Field(() => Int)
  amountCents: number;

  @Field(() => LocalDate)
  paidOn: string;

  @Field(() => PaymentStatusEnum)
  status: PaymentStatus;

  @Field(() => String)
  reference: string;

  campaignId: number;
}
