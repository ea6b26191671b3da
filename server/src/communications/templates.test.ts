import fs from 'node:fs';
import path from 'node:path';
import { loadReferentielDirectory, readReferentielFile } from '../campaigns/referentiel/load';
import { kindsUsedBy, loadTemplateDirectory, parseTemplateFile, renderTemplate, unknownFields } from './templates';

const FAMI = readReferentielFile('fami-2024.json');
const shippedText = fs.readFileSync(path.join(__dirname, 'templates', 'fami-2024.json'), 'utf8');

const view = {
  professional: { fullName: 'Éloïse Lefèvre', firstName: 'Éloïse', lastName: 'Lefèvre', amNumber: '211000001' },
  campaign: { label: 'FAMI 2024', year: '2024', closesOn: '31 janvier 2025' },
  caisse: { code: '211', label: "CPAM de la Côte-d'Or" },
  indicator: { label: 'Logiciel DMP-compatible' },
  motifs: ['Mention « DMP compatible » absente', 'Version du logiciel absente'],
  checklist: ['Nom du logiciel'],
  sendInstructions: 'Sur amelipro.',
  deadline: '31 janvier 2025',
  today: '2 décembre 2026',
};

describe('communication templates', () => {
  it('every shipped campaign has a valid template set', () => {
    const campaigns = loadReferentielDirectory();
    expect(loadTemplateDirectory(campaigns).files).toHaveLength(campaigns.length);
  });

  it.each([
    ['{{professional.fullName}} {{campaign.label}}', []],
    ['{{#motifs}}- {{.}}{{/motifs}}', []],
    ['{{#indicators}}{{label}} {{campaign.label}}{{/indicators}}', []],
    ['{{professional.age}}', ['professional.age']],
    ['{{#motifs}}{{label}}{{/motifs}}', ['label']],
    ['{{.}}', ['.']],
    ['{{#comment}}{{comment}}{{/comment}} {{signataire}}', ['signataire']],
  ])('checks the fields of %s', (template, unknown) => {
    expect(unknownFields(template)).toEqual(unknown);
  });

  it('refuses an unknown field, naming the file and the field', () => {
    const bad = JSON.parse(shippedText);
    bad.templates.NOTICE_REJECTED.body += ' {{professionnel.nom}}';
    expect(() => parseTemplateFile(JSON.stringify(bad), 'fami-2024.json', FAMI)).toThrow(
      'fami-2024.json: templates.NOTICE_REJECTED.body: unknown field {{professionnel.nom}}',
    );
  });

  it('refuses a campaign without a template for a kind it uses', () => {
    const bad = JSON.parse(shippedText);
    delete bad.templates.RELANCE_PIECE_REJETEE;
    expect(() => parseTemplateFile(JSON.stringify(bad), 'fami-2024.json', FAMI)).toThrow(
      'fami-2024.json: templates.RELANCE_PIECE_REJETEE: missing: campaign 2024 FAMI uses it',
    );
    expect(kindsUsedBy(FAMI)).toContain('RELANCE_PIECE_REJETEE');
  });

  it('renders French text without HTML escaping', () => {
    const file = parseTemplateFile(shippedText, 'fami-2024.json', FAMI);
    const rendered = renderTemplate(file, 'NOTICE_REJECTED', view)!;
    expect(rendered.subject).toBe('FAMI 2024 : pièce justificative non recevable (Logiciel DMP-compatible)');
    expect(rendered.body).toContain('- Mention « DMP compatible » absente\n- Version du logiciel absente');
    expect(rendered.body).toContain('jusqu’au 31 janvier 2025 inclus');
    expect(rendered.body).not.toContain('Précision du conseiller');
    expect(rendered.body).not.toContain('&');
  });
});
