/** Declarations as the API shows them: plain domain rows and evaluations mapped to node shapes. */
import type { IndicatorDefinition } from '../campaigns/referentiel/referentiel.types';
import type { IndicatorValueData } from '../campaigns/rules/types';
import type { Declaration } from './declaration.entity';
import type {
  DeclarationIndicatorNode,
  DeclarationNode,
  IndicatorValueNode,
  RemunerationNode,
} from './declaration.types';
import type { EvaluationResult } from './evaluation';
import type { EvaluatedDeclaration } from './evaluation-inputs';
import { formatValue, ratePercent } from './value-format';

export const declarationNode = (row: Declaration): DeclarationNode => ({ ...row, id: String(row.id) });

export function valueNode(data: IndicatorValueData, definition: IndicatorDefinition): IndicatorValueNode {
  const node: IndicatorValueNode = {
    display: formatValue(data, definition),
    boolean: null,
    choiceCode: null,
    software: null,
    messagingType: null,
    ratePercent: null,
    numerator: null,
    denominator: null,
    text: null,
    count: null,
  };
  switch (data.type) {
    case 'BOOLEAN':
      return { ...node, boolean: data.value };
    case 'CHOICE':
      return { ...node, choiceCode: data.code };
    case 'SOFTWARE':
      return {
        ...node,
        software: {
          id: String(data.softwareId),
          name: data.softwareName,
          version: data.version,
          publisherName: data.publisherName,
          dmpCompatible: data.dmpCompatible,
          lapCertified: data.lapCertified,
        },
      };
    case 'MESSAGING':
      return { ...node, messagingType: data.messagingType };
    case 'RATE':
      return {
        ...node,
        numerator: data.numerator,
        denominator: data.denominator,
        ratePercent: ratePercent(data.numerator, data.denominator),
      };
    case 'TEXT':
      return { ...node, text: data.text, count: data.count ?? null };
  }
}

/** The indicators of an evaluated declaration, in référentiel order, as the API shows them. */
export function indicatorNodes({ loaded, evaluation }: EvaluatedDeclaration): DeclarationIndicatorNode[] {
  const evaluationByCode = new Map(evaluation.indicators.map((e) => [e.indicator.code, e]));
  const valueByIndicator = new Map(loaded.values.map((v) => [v.indicatorId, v]));
  return loaded.indicators.flatMap((indicator) => {
    const result = evaluationByCode.get(indicator.code);
    if (!result) return [];
    const row = valueByIndicator.get(indicator.id);
    return [
      {
        indicatorId: indicator.id,
        professionalId: loaded.declaration.professionalId,
        campaignId: loaded.campaign.id,
        applicabilityReason: result.applicability.reason,
        value: row?.value ? valueNode(row.value, indicator.definition) : null,
        source: row?.value ? row.source : null,
        prefillOrigin: row?.value ? row.prefillOrigin : null,
        atteinte: result.achievement,
        justificatifRequired: {
          required: result.justificatif.required,
          reason: result.justificatif.reason,
          controlAPosteriori: result.justificatif.controlAPosteriori,
        },
        validatedMention: result.mention.text,
      },
    ];
  });
}

export function remunerationNode(evaluation: EvaluationResult): RemunerationNode {
  return { ...evaluation.remuneration, lines: evaluation.remuneration.lines.map((line) => ({ ...line })) };
}
