/**
 * Message templates: référentiel data, one file per campaign (templates/*.json), rendered with Mustache
 * (logic-less: the wording stays data that a caisse can review, and no template can run code).
 * A file is checked when the référentiel loads: every `{{field}}` must be a known field, and every kind
 * the campaign uses must have a template; otherwise a ReferentielError names the file and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import Mustache from 'mustache';
import { z } from 'zod';
import { SCHEMES, type Scheme } from '../common/enums';
import { ReferentielError, loadReferentielDirectory, type ReferentielIssue } from '../campaigns/referentiel/load';
import type { ReferentielFile } from '../campaigns/referentiel/referentiel.types';
import { COMMUNICATION_KINDS, type CommunicationKind } from './communication.kinds';

// ---------------------------------------------------------------------------------------------
// Fields a template may name

type FieldShape =
  'TEXT' | 'LIST_OF_TEXT' | { object: Record<string, FieldShape> } | { listOf: Record<string, FieldShape> };

/** Every field a template may use, and its shape (a list is iterated with {{#list}}…{{/list}}). */
export const TEMPLATE_FIELDS: Record<string, FieldShape> = {
  professional: { object: { fullName: 'TEXT', firstName: 'TEXT', lastName: 'TEXT', amNumber: 'TEXT' } },
  campaign: { object: { label: 'TEXT', year: 'TEXT', closesOn: 'TEXT' } },
  caisse: { object: { code: 'TEXT', label: 'TEXT' } },
  indicator: { object: { label: 'TEXT' } },
  /** Pieces a relance asks for (several indicators may be missing). */
  indicators: { listOf: { label: 'TEXT' } },
  motifs: 'LIST_OF_TEXT',
  comment: 'TEXT',
  checklist: 'LIST_OF_TEXT',
  sendInstructions: 'TEXT',
  deadline: 'TEXT',
  today: 'TEXT',
};

/** The data one message is rendered with. Absent optional parts render as empty. */
export interface TemplateView {
  professional: { fullName: string; firstName: string; lastName: string; amNumber: string };
  campaign: { label: string; year: string; closesOn: string };
  caisse: { code: string; label: string };
  indicator?: { label: string };
  indicators?: { label: string }[];
  motifs?: string[];
  comment?: string;
  checklist?: string[];
  sendInstructions: string;
  deadline: string;
  today: string;
}

type Token = [string, string, number, number, Token[]?, number?];

/** Names every `{{…}}` of a template uses that is not a known field, with the section it sits in. */
export function unknownFields(template: string): string[] {
  const unknown: string[] = [];
  const walk = (tokens: Token[], scopes: FieldShape[]) => {
    for (const token of tokens) {
      const [type, name] = token;
      if (!['name', '&', '#', '^'].includes(type)) continue;
      const shape = resolve(name, scopes);
      if (shape === undefined) unknown.push(name);
      if ((type === '#' || type === '^') && token[4]) {
        const inner = shape !== undefined && type === '#' ? itemShape(shape) : null;
        walk(token[4], inner ? [inner, ...scopes] : scopes);
      }
    }
  };
  walk(Mustache.parse(template) as Token[], [{ object: TEMPLATE_FIELDS }]);
  return [...new Set(unknown)];
}

function itemShape(shape: FieldShape): FieldShape | null {
  if (shape === 'LIST_OF_TEXT') return 'TEXT';
  if (typeof shape === 'object' && 'listOf' in shape) return { object: shape.listOf };
  return null;
}

/** Mustache looks a name up in the innermost scope first, then outwards. */
function resolve(name: string, scopes: FieldShape[]): FieldShape | undefined {
  if (name === '.') return scopes[0] === 'TEXT' ? 'TEXT' : undefined;
  const parts = name.split('.');
  for (const scope of scopes) {
    let shape: FieldShape | undefined = scope;
    for (const part of parts) {
      shape = typeof shape === 'object' && 'object' in shape ? shape.object[part] : undefined;
      if (shape === undefined) break;
    }
    if (shape !== undefined) return shape;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Files

const nonEmpty = z.string().trim().min(1, { error: 'expected a non-empty string' });
const templateSchema = z.strictObject({ subject: nonEmpty.max(300), body: nonEmpty });
const fileSchema = z.strictObject({
  formatVersion: z.literal(1),
  campaign: z.strictObject({ referenceYear: z.number().int(), scheme: z.enum(SCHEMES) }),
  /** Where and how to send a piece, e.g. « sur amelipro, rubrique Ma Convention ». */
  sendInstructions: nonEmpty,
  /** Signature block under the letter, one line an entry. */
  signature: z.array(nonEmpty).min(1),
  templates: z.partialRecord(z.enum(COMMUNICATION_KINDS), templateSchema),
});

export type TemplateFile = z.infer<typeof fileSchema> & { fileName: string };

/**
 * The kinds a campaign sends: notices and piece relances only where a piece can be asked for; the control
 * request for pieces where an indicator is achieved on honour (the contrôle a posteriori samples those).
 */
export function kindsUsedBy(file: ReferentielFile): CommunicationKind[] {
  const pieces = file.indicators.some((i) => i.justificatif.policy === 'DOCUMENT');
  const honour = file.indicators.some((i) => i.justificatif.policy === 'HONOUR_ATTESTATION');
  const kinds: CommunicationKind[] = pieces
    ? ['NOTICE_REJECTED', 'RELANCE_PIECE_ATTENDUE', 'RELANCE_PIECE_REJETEE', 'RELANCE_DECLARATION']
    : ['RELANCE_DECLARATION'];
  return honour ? [...kinds, 'CONTROL_PIECES_REQUEST'] : kinds;
}

/** Validates one template file's text against the campaign it is for. */
export function parseTemplateFile(text: string, fileName: string, campaign: ReferentielFile | null): TemplateFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReferentielError(fileName, [{ path: '(root)', message: `invalid JSON: ${(error as Error).message}` }]);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ReferentielError(
      fileName,
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
    );
  }
  const issues: ReferentielIssue[] = [];
  for (const [kind, template] of Object.entries(parsed.data.templates)) {
    for (const part of ['subject', 'body'] as const) {
      try {
        for (const name of unknownFields(template[part]))
          issues.push({ path: `templates.${kind}.${part}`, message: `unknown field {{${name}}}` });
      } catch (error) {
        issues.push({ path: `templates.${kind}.${part}`, message: `invalid template: ${(error as Error).message}` });
      }
    }
  }
  for (const field of ['sendInstructions', ...parsed.data.signature.map((_, i) => `signature.${i}`)]) {
    const text =
      field === 'sendInstructions' ? parsed.data.sendInstructions : parsed.data.signature[Number(field.split('.')[1])]!;
    for (const name of unknownFields(text)) issues.push({ path: field, message: `unknown field {{${name}}}` });
  }
  if (campaign) {
    for (const kind of kindsUsedBy(campaign)) {
      if (!parsed.data.templates[kind])
        issues.push({
          path: `templates.${kind}`,
          message: `missing: campaign ${campaign.campaign.referenceYear} ${campaign.campaign.scheme} uses it`,
        });
    }
  }
  if (issues.length > 0) throw new ReferentielError(fileName, issues);
  return { ...parsed.data, fileName };
}

export function defaultTemplateDirectory(): string {
  const beside = path.join(__dirname, 'templates');
  if (fs.existsSync(beside) && fs.readdirSync(beside).some((n) => n.endsWith('.json'))) return beside;
  return path.resolve(__dirname, '../../src/communications/templates');
}

/**
 * The template set of every campaign of the référentiel: each campaign must have exactly one file
 * (matched on its year and scheme), checked against the kinds it uses.
 */
export function loadTemplateDirectory(campaigns: ReferentielFile[], dir = defaultTemplateDirectory()): TemplateCatalog {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const head = parseTemplateFile(text, name, null).campaign;
      const campaign =
        campaigns.find((c) => c.campaign.referenceYear === head.referenceYear && c.campaign.scheme === head.scheme) ??
        null;
      return parseTemplateFile(text, name, campaign);
    });
  const catalog = new TemplateCatalog(files);
  for (const c of campaigns) {
    if (!catalog.find(c.campaign.referenceYear, c.campaign.scheme)) {
      throw new ReferentielError(`templates/${c.campaign.scheme.toLowerCase()}-${c.campaign.referenceYear}.json`, [
        {
          path: '(root)',
          message: `missing: campaign ${c.campaign.referenceYear} ${c.campaign.scheme} has no template file`,
        },
      ]);
    }
  }
  return catalog;
}

export class TemplateCatalog {
  constructor(readonly files: TemplateFile[]) {}

  find(year: number, scheme: Scheme): TemplateFile | undefined {
    return this.files.find((f) => f.campaign.referenceYear === year && f.campaign.scheme === scheme);
  }
}

let shipped: TemplateCatalog | null = null;

/** The shipped catalogue, validated against the shipped référentiel on first use. */
export function shippedTemplates(): TemplateCatalog {
  shipped ??= loadTemplateDirectory(loadReferentielDirectory());
  return shipped;
}

// ---------------------------------------------------------------------------------------------
// Rendering

export interface RenderedMessage {
  subject: string;
  body: string;
}

/** Renders as text: no HTML escaping (the e-mail's HTML part escapes the text itself). */
const TEXT = { escape: (value: unknown) => String(value) };
const renderText = (text: string, view: TemplateView) => Mustache.render(text, view, {}, TEXT);

/** The signature block of the campaign's letters, rendered for one caisse. */
export function renderSignature(file: TemplateFile, view: TemplateView): string[] {
  return file.signature.map((line) => renderText(line, view));
}

export function renderTemplate(
  file: TemplateFile,
  kind: CommunicationKind,
  view: TemplateView,
): RenderedMessage | null {
  const template = file.templates[kind];
  if (!template) return null;
  const render = (text: string) => renderText(text, view);
  return {
    subject: render(template.subject).replace(/\s+/g, ' ').trim(),
    body: render(template.body)
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  };
}
