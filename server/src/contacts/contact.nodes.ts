import type { ContactLog } from './contact-log.entity';
import type { ContactLogNode } from './contact.types';

export const contactNode = (row: ContactLog): ContactLogNode => ({ ...row, id: String(row.id) });
