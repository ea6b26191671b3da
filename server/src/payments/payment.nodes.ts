import type { Payment } from './payment.entity';
import type { PaymentNode } from './payment.types';

export const paymentNode = (row: Payment): PaymentNode => ({ ...row, id: String(row.id) });
