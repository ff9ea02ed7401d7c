import { applyCellChoices, cellValueText, merge3Structured } from '../merge';
import type { RichTextDocument } from '../rich-text';
import { checkTemplateSections, SECTION_KIND_LABELS, type TemplateSectionInput } from '../template';
import { blockChartFigures, BLOCKS_MAX, type BlocksContent, carryBlocksForward } from './blocks';
import { carryContentForward, checkContent, checkSectionConfig, diffContent, emptyContent, isEmptyContent, type SectionConfig } from './content';

const doc = (...paragraphs: string[]): RichTextDocument => ({
  type: 'doc',
  version: 1,
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const investments = {
  columns: [
    { key: 'projekt', label: 'Projekt', type: 'text', required: true },
    { key: 'budget', label: 'Budget tkr', type: 'number', sum: true },
    { key: 'utfall', label: 'Utfall tkr', type: 'number', sum: true },
  ],
  totalLabel: 'Summa investeringar',
};

/** Text, then a table, then more text, then a chart of the table. */
const layout = {
  blocks: {
    blocks: [
      { key: 'inledning', kind: 'narrative' },
      { key: 'investeringar', kind: 'table', title: 'Investeringar', config: { table: investments } },
      { key: 'analys', kind: 'narrative', title: 'Analys' },
      { key: 'diagram', kind: 'chart', chart: { source: 'investeringar', title: 'Budget och utfall per projekt', series: ['budget', 'utfall'] } },
    ],
  },
};

const config = (): SectionConfig => {
  const checked = checkSectionConfig('blocks', layout);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.config as SectionConfig;
};

const content = (over: Partial<BlocksContent['blocks']> = {}): BlocksContent => ({
  type: 'blocks',
  blocks: {
    inledning: doc('Nämnden redovisar ett underskott.'),
    investeringar: {
      type: 'table',
      rows: [
        { key: 'r1', cells: { projekt: 'Skolan', budget: 1200, utfall: 950 } },
        { key: 'r2', cells: { projekt: 'Förskolan', budget: 800, utfall: 810 } },
      ],
    },
    analys: doc('Skolans bygge är försenat.'),
    ...over,
  } as BlocksContent['blocks'],
});

describe('a section made of blocks: the template', () => {
  it('is a section kind with a Swedish label', () => {
    expect(SECTION_KIND_LABELS.blocks).toBe('Sammansatt (block)');
  });

  it('keeps the blocks in the order listed, each layout cleaned by its own kind', () => {
    const blocks = config().blocks?.blocks ?? [];
    expect(blocks.map((b) => `${b.key}:${b.kind}`)).toEqual(['inledning:narrative', 'investeringar:table', 'analys:narrative', 'diagram:chart']);
    expect(blocks[1].config?.table?.columns.map((c) => c.key)).toEqual(['projekt', 'budget', 'utfall']);
    expect(blocks[3].chart).toEqual({ source: 'investeringar', title: 'Budget och utfall per projekt', series: ['budget', 'utfall'] });
  });

  it('refuses duplicate keys, unknown kinds, nested block sections, a chart without a source and too many blocks, in Swedish', () => {
    const errorsOf = (blocks: unknown[]) => {
      const checked = checkSectionConfig('blocks', { blocks: { blocks } });
      return checked.ok ? [] : checked.errors;
    };
    expect(errorsOf([{ key: 'a', kind: 'narrative' }, { key: 'a', kind: 'table', title: 'Tabell två' }])).toEqual(['Tabell två: nyckeln "a" förekommer två gånger i avsnittet.']);
    expect(errorsOf([{ key: 'a', kind: 'video' }])).toEqual(['Block 1: okänd blocktyp "video".']);
    expect(errorsOf([{ key: 'a', kind: 'blocks' }])).toEqual(['Block 1: ett sammansatt avsnitt kan inte innehålla ett annat sammansatt avsnitt.']);
    expect(errorsOf([{ key: 'a', kind: 'chart', chart: { title: 'Utan källa' } }])).toEqual(['Block 1 (Diagram): Välj vilken tabell diagrammet visar.']);
    expect(errorsOf([{ key: 't', kind: 'narrative' }, { key: 'c', kind: 'chart', chart: { source: 't', title: 'X' } }])).toEqual([
      'Block 2 (Diagram): diagrammet kan bara visa ett ekonomi- eller tabellblock, inte "Block 1 (Text)".',
    ]);
    expect(errorsOf([{ key: 't', kind: 'table', config: { table: investments } }, { key: 'c', kind: 'chart', chart: { source: 't', title: 'X', series: ['projekt'] } }])).toEqual([
      'Block 2 (Diagram): Kolumnen "projekt" finns inte bland tabellens talkolumner.',
    ]);
    const many = Array.from({ length: BLOCKS_MAX + 1 }, (_, i) => ({ key: `b${i}`, kind: 'narrative' }));
    expect(errorsOf(many)).toEqual([`Ett avsnitt får ha högst ${BLOCKS_MAX} block (nu ${BLOCKS_MAX + 1}).`]);
    expect(errorsOf([])).toEqual(['Lägg till minst ett block i avsnittet.']);
    // A block's own layout is checked by its kind's rules.
    expect(errorsOf([{ key: 't', kind: 'table', title: 'Statsbidrag', config: { table: { columns: [] } } }])).toEqual(['Statsbidrag: Tabellen behöver minst en kolumn.']);
  });

  it('lets a chart draw another economy or table section of the template, and refuses one that is missing', () => {
    const base = { parentKey: null, responsibility: 'committee' as const, reviewerRole: 'economist' as const };
    const sections = (source: string): TemplateSectionInput[] => [
      { ...base, key: 'inv', title: 'Investeringar', kind: 'table', config: { table: investments as never } },
      { ...base, key: 'text', title: 'Verksamhet', kind: 'narrative' },
      { ...base, key: 'samman', title: 'Sammanfattning', kind: 'blocks', config: { blocks: { blocks: [{ key: 'c', kind: 'chart', chart: { source, title: 'Investeringar', series: ['budget'] } }] } } },
    ];
    expect(checkTemplateSections(sections('inv')).ok).toBe(true);
    const missing = checkTemplateSections(sections('saknas'));
    expect(!missing.ok && missing.errors).toEqual(['Avsnittet "Sammanfattning": Block 1 (Diagram): diagrammet visar "saknas", som varken är ett block i avsnittet eller ett avsnitt i mallen.']);
    const text = checkTemplateSections(sections('text'));
    expect(!text.ok && text.errors).toEqual(['Avsnittet "Sammanfattning": Block 1 (Diagram): diagrammet kan bara visa ett ekonomi- eller tabellavsnitt, inte "Verksamhet".']);
  });
});

describe('a section made of blocks: the content', () => {
  it('starts empty; a missing block is its kind’s empty content', () => {
    expect(isEmptyContent(emptyContent('blocks'))).toBe(true);
    const checked = checkContent('blocks', config(), { type: 'blocks', blocks: {} });
    expect(checked.ok && checked.content).toEqual({ type: 'blocks', blocks: { inledning: doc(), investeringar: { type: 'table', rows: [] }, analys: doc() } });
    expect(checked.ok && isEmptyContent(checked.content)).toBe(true);
    expect(isEmptyContent(content())).toBe(false);
  });

  it('checks each block by its own kind, the message naming the block', () => {
    const bad = content({
      investeringar: { type: 'table', rows: [{ key: 'r1', cells: { projekt: 'Skolan', budget: 'mycket' } }] },
    } as never);
    const checked = checkContent('blocks', config(), bad);
    expect(checked).toEqual({ ok: false, errors: ['Investeringar: Skolan: Budget tkr: "mycket" är text; kolumnen tar bara tal.'] });
    const untitled = checkContent('blocks', config(), content({ inledning: { type: 'table', rows: [] } } as never));
    expect(!untitled.ok && untitled.errors[0]).toMatch(/^Block 1 \(Text\): /);
    // Typed figures come back clean.
    const typed = checkContent('blocks', config(), content({ investeringar: { type: 'table', rows: [{ key: 'r1', cells: { projekt: 'Skolan', budget: '1 200' } }] } } as never));
    expect(typed.ok && (typed.content as BlocksContent).blocks['investeringar']).toEqual({ type: 'table', rows: [{ key: 'r1', cells: { projekt: 'Skolan', budget: 1200, utfall: null } }] });
  });

  it('adds what must be there to hand in (forSubmit) block by block', () => {
    const goals: SectionConfig = { blocks: { blocks: [{ key: 'mal', kind: 'goals', title: 'Nämndens mål' }] } };
    const unassessed = {
      type: 'blocks',
      blocks: { mal: { type: 'goals', goals: [{ key: 'g', title: 'Trygg uppväxt', committeeGoals: [{ key: 'n', title: 'Fler barn i förskola', indicators: [] }] }] } },
    };
    expect(checkContent('blocks', goals, unassessed).ok).toBe(true);
    const submit = checkContent('blocks', goals, unassessed, { forSubmit: true });
    expect(submit.ok).toBe(false);
    expect(!submit.ok && submit.errors.every((e) => e.startsWith('Nämndens mål: '))).toBe(true);
  });

  it('shows the reviewer the changes block by block', () => {
    const after = content({
      analys: doc('Skolans bygge är klart.'),
      investeringar: { type: 'table', rows: [{ key: 'r1', cells: { projekt: 'Skolan', budget: 1200, utfall: 1100 } }, { key: 'r2', cells: { projekt: 'Förskolan', budget: 800, utfall: 810 } }] },
    } as never);
    const diff = diffContent('blocks', config(), content(), after);
    expect(diff.cells).toEqual([
      { row: 'Investeringar: Skolan', column: 'Utfall tkr', before: 950, after: 1100 },
      { row: 'Investeringar: Summa investeringar', column: 'Utfall tkr', before: 1760, after: 1910 },
      { row: 'Analys', column: 'Text', before: 'Skolans bygge är försenat.', after: 'Skolans bygge är klart.' },
    ]);
    expect(diffContent('blocks', config(), content(), content()).cells).toEqual([]);
  });

  it('carries tables forward block by block, by key; text starts empty and blocks the new layout lacks are left out', () => {
    const carried = carryContentForward('blocks', content(), true, config()) as BlocksContent;
    expect(Object.keys(carried.blocks)).toEqual(['investeringar']);
    expect(carried.blocks['investeringar']).toEqual(content().blocks['investeringar']);
    const other: SectionConfig = { blocks: { blocks: [{ key: 'investeringar', kind: 'narrative' }] } };
    expect(carryContentForward('blocks', content(), true, other)).toEqual({ type: 'blocks', blocks: {} });
  });

  it('carries an economy block by the economy’s own carry-forward when given one, else starts it empty', () => {
    const layout: SectionConfig = { blocks: { blocks: [{ key: 'eko', kind: 'economy' }] } };
    const previous: BlocksContent = { type: 'blocks', blocks: { eko: { type: 'economy', rows: [{ key: 'a', label: 'Äldreomsorg', values: { annual_budget: -6000, net: -3000 } }] } } };
    expect(carryBlocksForward(layout, previous, true)).toEqual({ type: 'blocks', blocks: {} });
    const carried = carryBlocksForward(layout, previous, true, (_key, economy) => ({ ...economy, rows: economy.rows.map((r) => ({ ...r, values: { annual_budget: r.values.annual_budget } })) }));
    expect(carried.blocks['eko']).toEqual({ type: 'economy', rows: [{ key: 'a', label: 'Äldreomsorg', values: { annual_budget: -6000 } }] });
  });

  it('merges a stale save block by block: cells one side changed are taken, a cell both changed is a choice named by the block', () => {
    const base = content();
    const mine = content({
      investeringar: { type: 'table', rows: [{ key: 'r1', cells: { projekt: 'Skolan', budget: 1200, utfall: 1000 } }, { key: 'r2', cells: { projekt: 'Förskolan', budget: 800, utfall: 810 } }] },
    } as never);
    const theirs = content({
      analys: doc('Skolans bygge är försenat.', 'Ny mening från kollegan.'),
      investeringar: { type: 'table', rows: [{ key: 'r1', cells: { projekt: 'Skolan', budget: 1200, utfall: 990 } }, { key: 'r2', cells: { projekt: 'Förskolan', budget: 800, utfall: 820 } }] },
    } as never);
    const merge = merge3Structured(base, mine, theirs, config());
    expect(merge.conflicts.map((c) => [c.row, c.column, c.mine, c.theirs])).toEqual([['Investeringar: Skolan', 'Utfall tkr', 1000, 990]]);
    const merged = merge.content as BlocksContent;
    expect((merged.blocks['analys'] as RichTextDocument).content).toHaveLength(2);
    const theirsChosen = applyCellChoices(merge, { [merge.conflicts[0].id]: 'theirs' }) as BlocksContent;
    const rows = (theirsChosen.blocks['investeringar'] as { rows: Array<{ cells: Record<string, unknown> }> }).rows;
    expect(rows.map((r) => r.cells['utfall'])).toEqual([990, 820]);
    // Both changed the same text: one choice for the block, each side's text as the panel shows it.
    const text = merge3Structured(base, content({ analys: doc('Min text.') } as never), content({ analys: doc('Kollegans text.') } as never), config());
    expect(text.conflicts.map((c) => [c.row, c.column, cellValueText(c.mine), cellValueText(c.theirs)])).toEqual([['Analys', 'Text', 'Min text.', 'Kollegans text.']]);
    expect((applyCellChoices(text, { [text.conflicts[0].id]: 'theirs' }) as BlocksContent).blocks['analys']).toEqual(doc('Kollegans text.'));
  });

  it('draws the chart block from the table block’s figures', () => {
    const spec = config().blocks?.blocks[3];
    const figures = spec && blockChartFigures(config(), spec, content());
    expect(figures?.categories).toEqual(['Skolan', 'Förskolan']);
    expect(figures?.series).toEqual([
      { key: 'budget', name: 'Budget tkr', values: [1200, 800] },
      { key: 'utfall', name: 'Utfall tkr', values: [950, 810] },
    ]);
    expect(figures?.type).toBe('bar');
  });
});
