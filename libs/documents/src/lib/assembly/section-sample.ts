/**
 * A section's layout printed with made-up content, as the template editor's live print preview
 * shows it (frontend/src/app/features/templates/section-print-preview.component.ts): a sample
 * content per kind that the layout accepts (checkContent in libs/domain), turned into document
 * blocks by the same `contentBlocks` (section-blocks.ts) a report uses and rendered by the HTML
 * block renderer (html/blocks.ts), so captions, columns, group columns, hidden empty columns,
 * statuses and charts are exactly as printed. Economy tables have their own sample
 * (economy-sample.ts), which a section of blocks reuses for its economy blocks.
 */
import {
  blockSectionKind,
  blockSpecs,
  controlResultLabels,
  CONTROL_RESULT_LABELS,
  economyConfigOf,
  goalsAssessed,
  internalControlLayoutOf,
  riskStatusLabels,
  RISK_STATUS_LABELS,
  SECTION_KIND_LABELS,
  tableConfigOf,
  textDocument,
  type ActionPlanContent,
  type BlocksContent,
  type GoalsContent,
  type InternalControlContent,
  type SectionConfig,
  type SectionKind,
  type SickLeaveContent,
  type SickLeaveHistory,
  type SickLeaveValues,
  type TableContent,
  type TaskContent,
} from '@rapportflode/domain';
import { type HtmlTarget, renderBlocks } from '../html/blocks';
import type { Block } from '../model';
import { Ids, slugify } from './context';
import type { AssemblyCycle, AssemblySection } from './input';
import { economySampleContent } from './economy-sample';
import { contentBlocks } from './section-blocks';

/** The made-up cycle the sample prints in. */
export const SECTION_SAMPLE_CYCLE: AssemblyCycle = {
  committee: 'Socialnämnden',
  municipality: 'Exempels kommun',
  title: 'Delårsrapport 2025',
  year: 2025,
  periodEnd: '2025-08-31',
  periodLabel: 'T2 2025',
  diaryNumber: null,
  dates: [],
};

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

const VERKSAMHETER = ['Hemtjänst', 'Särskilt boende', 'Individ- och familjeomsorg'];
const TEXTS = ['Enligt plan', 'Pågår', 'Klar'];
const AMOUNTS = [1_250, 2_322, 845];

const GROUPS = ['Äldreomsorg', 'Äldreomsorg', 'Individ- och familjeomsorg'];

/**
 * Three rows: the first text column names a verksamhet, other text columns a short status,
 * numbers with the column's decimals; under two group headings when the layout says how groups print.
 */
function tableSample(config: SectionConfig | null | undefined): TableContent {
  const layout = tableConfigOf(config);
  const firstText = layout.columns.find((c) => c.type === 'text')?.key;
  const grouped = layout.groups !== undefined;
  return {
    type: 'table',
    rows: VERKSAMHETER.map((label, i) => ({
      key: `rad-${i + 1}`,
      ...(grouped ? { group: GROUPS[i] } : {}),
      cells: Object.fromEntries(
        layout.columns.map((c, j) => [
          c.key,
          c.type === 'number' ? round(AMOUNTS[i] * (1 + 0.25 * j) + (c.decimals ? 0.375 : 0), c.decimals ?? 0) : c.key === firstText ? label : TEXTS[i],
        ]),
      ),
    })),
  };
}

/** Sick leave in per cent with the layout's decimals: short and long within the total, the total between women and men and within the age bands. */
function sickLeaveValues(config: SectionConfig | null | undefined, shift: number): SickLeaveValues {
  const settings = config?.sickLeave;
  const d = settings?.decimals ?? 1;
  const total = round(6.31 + shift, d);
  const values: SickLeaveValues = { total, shortTerm: round(2.42 + shift / 2, d), longTerm: round(3.57 + shift / 2, d) };
  if (settings?.byGender) {
    values.women = round(total + 0.87, d);
    values.men = round(total - 2.14, d);
  }
  const bands = settings?.ageBands ?? [];
  if (bands.length) {
    values.ageBands = Object.fromEntries(
      bands.map((band, i) => [band.key, bands.length === 1 ? total : round(total - 1.2 + (2.7 * i) / (bands.length - 1), d)]),
    );
  }
  return values;
}

function sickLeaveSample(config: SectionConfig | null | undefined): SickLeaveContent {
  return {
    type: 'sick_leave',
    values: sickLeaveValues(config, 0),
    comment: textDocument('Den långa sjukfrånvaron har minskat sedan förra året, främst inom särskilt boende.'),
  };
}

/** Earlier periods' sick leave: printed as the trend chart under the table. */
function sickLeaveHistory(config: SectionConfig | null | undefined): SickLeaveHistory {
  return [
    { period: 'T2 2024', values: sickLeaveValues(config, 0.8) },
    { period: 'T3 2024', values: sickLeaveValues(config, 0.5) },
    { period: 'T1 2025', values: sickLeaveValues(config, 0.3) },
  ];
}

function actionPlanSample(config: SectionConfig | null | undefined): ActionPlanContent {
  const settings = config?.actionPlan;
  const areas = settings?.areas ?? ['Äldreomsorg', 'Individ- och familjeomsorg'];
  const effect = settings?.effect === true;
  return {
    type: 'action_plan',
    rows: [
      {
        key: 'bemanning',
        action: 'Översyn av bemanningen i hemtjänsten',
        area: areas[0] ?? '',
        years: '2025',
        status: 'started',
        comment: 'Schemaläggningen ses över under hösten.',
        ...(effect ? { effect: 1_200 } : {}),
      },
      {
        key: 'placeringar',
        action: 'Färre externa placeringar genom utökad öppenvård',
        area: areas[1] ?? areas[0] ?? '',
        years: '2024 - 2025',
        status: 'done',
        ...(effect ? { effect: 800 } : {}),
      },
    ],
  };
}

/**
 * The layout's main table and a risk table in two groups. One optional column is empty in every
 * row of each table (Rapporteras till, Bakgrund, Påverkan), so hiding empty columns shows; a
 * result and a risk status the template adds are used where there are any.
 */
function internalControlSample(config: SectionConfig | null | undefined): InternalControlContent {
  const settings = config?.internalControl;
  const layout = internalControlLayoutOf(settings);
  const addedResult = Object.keys(controlResultLabels(settings)).find((key) => !(key in CONTROL_RESULT_LABELS));
  const addedStatus = Object.keys(riskStatusLabels(settings)).find((key) => !(key in RISK_STATUS_LABELS));
  const content: InternalControlContent = {
    type: 'internal_control',
    plan: [],
    risks: [
      {
        key: 'verksamhetsrisker',
        title: 'Verksamhetsrisker',
        rows: [
          {
            key: 'risk-rekrytering',
            risk: 'Svårt att rekrytera sjuksköterskor',
            cause: 'Brist på legitimerad personal i regionen',
            impact: '',
            handling: 'Gemensam rekryteringsinsats med grannkommunerna',
            status: 'active',
            group: 'Äldreomsorg',
          },
          {
            key: 'risk-placeringar',
            risk: 'Ökat behov av placeringar',
            cause: 'Fler orosanmälningar om barn och unga',
            impact: '',
            handling: 'Utökad öppenvård och uppföljning varje månad',
            status: addedStatus ?? 'inactive',
            group: 'Individ- och familjeomsorg',
          },
        ],
      },
    ],
  };
  if (layout === 'audit_recommendations') {
    content.recommendations = [
      { key: 'rek-genomforandeplaner', review: 'Granskning av hemtjänstens kvalitet 2024', background: '', action: 'Rutinen för genomförandeplaner revideras', status: 'Pågår' },
      { key: 'rek-riskanalys', review: 'Granskning av intern kontroll 2023', background: '', action: 'Risk- och väsentlighetsanalys görs varje år', status: 'Klar' },
    ];
  } else if (layout === 'systematic_controls') {
    content.controls = [
      { key: 'kontroll-lakemedel', area: 'Särskilt boende – läkemedel', control: 'Avvikelserapporter följs upp varje månad', statusComment: 'Genomförd, inga allvarliga avvikelser.' },
      { key: 'kontroll-attest', area: 'Ekonomi – attest', control: 'Stickprov av leverantörsfakturor', statusComment: 'Genomförd, två fakturor saknade attest.' },
    ];
  } else {
    content.plan = [
      {
        key: 'plan-prognos',
        area: 'Ekonomistyrning',
        goal: 'Prognoser lämnas i tid och följs upp',
        responsible: 'Ekonomichef',
        method: 'Stickprov i uppföljningen',
        frequency: 'Varje tertial',
        reportedTo: '',
        result: 'as_planned',
      },
      {
        key: 'plan-beslut',
        area: 'Hemtjänst – beviljade insatser',
        goal: 'Insatser utförs enligt beslut',
        responsible: 'Enhetschef hemtjänst',
        method: 'Granskning av tio akter',
        frequency: 'Två gånger per år',
        reportedTo: '',
        result: addedResult ?? 'deviation',
        comment: 'Tre av tio akter saknade uppdaterad genomförandeplan; rutinen ses över.',
      },
    ];
  }
  return content;
}

/** One kommunfullmäktige goal with a nämndmål and two indicators (a share and a number where lower is better). */
function goalsSample(config: SectionConfig | null | undefined): GoalsContent {
  const settings = config?.goals;
  const assessed = goalsAssessed(settings);
  return {
    type: 'goals',
    goals: [
      {
        key: 'mal-livskvalitet',
        title: 'Invånarna har god livskvalitet genom hela livet',
        ...(settings?.areas ? { area: 'Trygghet och livskvalitet' } : {}),
        ...(assessed.goals ? { assessment: 'partly' as const } : {}),
        committeeGoals: [
          {
            key: 'namndmal-hemtjanst',
            title: 'Den som har hemtjänst är nöjd med sin hjälp',
            assessment: assessed.committeeGoals ? 'met' : null,
            comment: textDocument('Nöjdheten har ökat sedan kontinuiteten i personalgrupperna förbättrades.'),
            indicators: [
              { key: 'ind-nojdhet', name: 'Andel brukare som är nöjda med hemtjänsten', unit: 'percent', previous: 88, value: 91, target: 90, assessment: assessed.indicators ? 'met' : null, source: 'Egen mätning' },
              { key: 'ind-placeringar', name: 'Antal placerade barn och unga', unit: 'count', previous: 42, value: 37, target: 'Minska', lowerIsBetter: true, assessment: assessed.indicators ? 'partly' : null, source: 'Egen mätning' },
            ],
          },
        ],
      },
    ],
  };
}

const BLOCK_TEXTS = [
  'Nämnden redovisar ett underskott mot budget för perioden. Underskottet beror främst på ökade volymer inom hemtjänsten.',
  'Prognosen för helåret är i nivå med periodens utfall. Åtgärder för att minska kostnaderna för inhyrd personal pågår.',
];

/** Every block of the layout with its kind's sample; charts draw their source block's sample. */
function blocksSample(config: SectionConfig | null | undefined): BlocksContent {
  const blocks: Record<string, TaskContent> = {};
  let texts = 0;
  for (const spec of blockSpecs(config)) {
    const kind = blockSectionKind(spec.kind);
    if (!kind) continue;
    blocks[spec.key] = kind === 'narrative' ? textDocument(BLOCK_TEXTS[texts++ % BLOCK_TEXTS.length]) : sectionSampleContent(kind, spec.config ?? null);
  }
  return { type: 'blocks', blocks };
}

/** Made-up content for a section of the kind that its layout accepts. */
export function sectionSampleContent(kind: SectionKind, config: SectionConfig | null | undefined): TaskContent {
  switch (kind) {
    case 'economy':
      return economySampleContent(economyConfigOf(config));
    case 'table':
      return tableSample(config);
    case 'sick_leave':
      return sickLeaveSample(config);
    case 'action_plan':
      return actionPlanSample(config);
    case 'internal_control':
      return internalControlSample(config);
    case 'blocks':
      return blocksSample(config);
    case 'goals':
      return goalsSample(config);
    default:
      return textDocument(BLOCK_TEXTS[0]);
  }
}

/** Ids made unique on a page that shows several previews. */
function withPrefix(blocks: Block[], prefix: string): Block[] {
  return blocks.map((b) => (b.type === 'heading' || b.type === 'table' || b.type === 'chart' ? { ...b, id: `${prefix}-${b.id}` } : b));
}

/** The section as printed with its sample content: its heading (unnumbered), then the content's blocks. */
export function sectionSampleBlocks(kind: SectionKind, config: SectionConfig | null | undefined, title?: string, idPrefix = 'exempel'): Block[] {
  const name = title?.trim() || SECTION_KIND_LABELS[kind];
  const section: AssemblySection = { id: 'exempel', key: 'exempel', number: '', depth: 1, title: name, kind, config: config ?? null };
  const ctx = { ids: new Ids(), cycle: SECTION_SAMPLE_CYCLE, sectionName: name, sectionTitle: name, base: 3, headingId: `rubrik-${slugify(name)}` };
  const history = kind === 'sick_leave' ? sickLeaveHistory(config) : undefined;
  const heading: Block = { type: 'heading', level: 2, text: name, id: ctx.headingId };
  const body = contentBlocks(section, sectionSampleContent(kind, config), ctx, null, history);
  return withPrefix([heading, ...body], idPrefix);
}

/** Blocks outside a document as an HTML fragment (html/blocks.ts): unnumbered captions, ids unique within the fragment. */
export function renderBlocksFragment(blocks: readonly Block[], target: HtmlTarget = 'preview'): string {
  return renderBlocks(blocks, { target, anchors: new Map(), tableNumbers: new Map(), usedIds: new Set() });
}

/** The sample as an HTML fragment, as the report prints it (every text escaped by the renderer). */
export function sectionSampleHtml(kind: SectionKind, config: SectionConfig | null | undefined, title?: string, idPrefix = 'exempel'): string {
  return renderBlocksFragment(sectionSampleBlocks(kind, config, title, idPrefix), 'print');
}

