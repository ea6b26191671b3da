import type { Professional } from './professional.entity';
import type { ProfessionalNode } from './professional.types';

export const professionalNode = (row: Professional): ProfessionalNode => ({ ...row, id: String(row.id) });
