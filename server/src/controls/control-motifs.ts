/**
 * The closed list of non-compliance motifs, per indicator kind and value type (référentiel data: an agent
 * concludes against an indicator only with motifs that apply to it). Public grounds: the professional keeps
 * the pieces that prove the situation at 31/12 of the reference year (public-facts §2, [S001][S004]).
 */
import type { IndicatorKind, ValueType } from '../common/enums';

export interface ControlMotif {
  code: string;
  label: string;
  /** Kinds the motif applies to; absent: every controllable kind. */
  kinds?: readonly IndicatorKind[];
  /** Value types the motif applies to; absent: every value type. */
  valueTypes?: readonly ValueType[];
}

export const CONTROL_MOTIFS: readonly ControlMotif[] = [
  { code: 'NO_PIECE_PROVIDED', label: 'Aucune pièce fournie pour cet indicateur' },
  { code: 'PIECE_NOT_PROBATIVE', label: 'Pièce fournie non probante' },
  { code: 'PIECE_NOT_NOMINATIVE', label: 'Pièce non nominative ou au nom d’un autre professionnel' },
  { code: 'SITUATION_NOT_AT_YEAR_END', label: 'Situation non établie au 31/12 de l’année de référence' },
  {
    code: 'PREFILLED_DATA_CONTRADICTED',
    label: 'Pièces contraires aux données pré-alimentées',
    kinds: ['DECLARATIVE_PREFILLED'],
  },
  {
    code: 'MESSAGING_NOT_IN_TRUST_SPACE',
    label: 'Messagerie hors de l’Espace de Confiance MSSanté',
    valueTypes: ['MESSAGING'],
  },
  {
    code: 'COORDINATION_NOT_ESTABLISHED',
    label: 'Participation à une prise en charge coordonnée non établie (MSP, ESP, CPTS, RCP…)',
    valueTypes: ['CHOICE'],
  },
  {
    code: 'INTERVENTIONS_NOT_ESTABLISHED',
    label: 'Interventions hors cabinet non établies ou en nombre insuffisant',
    valueTypes: ['TEXT'],
  },
  {
    code: 'EQUIPMENT_NOT_ESTABLISHED',
    label: 'Équipement ou situation déclarée non établie (facture, contrat, convention de stage…)',
    valueTypes: ['BOOLEAN'],
  },
  {
    code: 'SOFTWARE_NOT_ESTABLISHED',
    label: 'Logiciel déclaré non établi par la facture ou le contrat',
    valueTypes: ['SOFTWARE'],
  },
];

export function motifsFor(kind: IndicatorKind, valueType: ValueType): ControlMotif[] {
  return CONTROL_MOTIFS.filter(
    (m) => (!m.kinds || m.kinds.includes(kind)) && (!m.valueTypes || m.valueTypes.includes(valueType)),
  );
}

export const motifLabel = (code: string) => CONTROL_MOTIFS.find((m) => m.code === code)?.label ?? code;
