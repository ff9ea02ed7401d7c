/**
 * The tjänsteskrivelse as a DocumentModel (kind 'memo'), in reference 003's order: the facts
 * block (Upprättad, Diarienummer, nämnd), the title, "Förslag till beslut" as a numbered list,
 * Sammanfattning, Ärendebeskrivning, Förvaltningens synpunkter with Ekonomiska konsekvenser,
 * Juridiska konsekvenser, Jämställdhetsanalys, Överensstämmelse med styrdokument,
 * Beslutsunderlag (the report first), the signatures and the Sändlista. The same model feeds the
 * in-app preview and the HTML, PDF and DOCX files. (The figures the memo is checked against
 * are kept beside a frozen report's model by the freeze: backend/src/modules/reports/reports.service.ts.)
 */
import {
  MEMO_PART_LABELS,
  memoAttachmentList,
  type MemoContent,
  type MemoTextPart,
  type RichTextDocument,
} from '@rapportflode/domain';
import { Footnotes } from './footnotes';
import type {
  Block,
  DocumentModel,
  DocumentStatus,
  Inline,
  ListBlock,
  ListItem,
  Mark,
  TableBlock,
} from './model';

export interface MemoFacts {
  /** 'Socialnämnden' */
  committee: string;
  /** 'Gnesta kommun' */
  municipality: string;
  /** 'SN.2021.73'; null when the cycle has none. */
  diaryNumber: string | null;
  /** Beslutsunderlag 1: the report itself, 'Delårsrapport 2021 Socialnämnden'. */
  report: string;
  /** Draft (UTKAST) until the memo is approved. */
  status: DocumentStatus;
}

type RichBlock = RichTextDocument['content'][number];
type Runs = Extract<RichBlock, { type: 'paragraph' }>['content'];

function inlines(runs: Runs, notes: Footnotes): Inline[] {
  return runs.map((run, index) => {
    const marks: Mark[] = [];
    let href: string | undefined;
    for (const mark of run.marks ?? []) {
      if (mark.type === 'bold' || mark.type === 'italic') marks.push(mark.type);
      else if (mark.type === 'link') href = mark.href;
    }
    const footnote = notes.markerAfter(runs, index);
    return {
      text: run.text,
      ...(marks.length ? { marks } : {}),
      ...(href ? { href } : {}),
      ...(footnote !== undefined ? { footnote } : {}),
    };
  });
}

function listOf(block: Extract<RichBlock, { type: 'bullet_list' | 'ordered_list' }>, notes: Footnotes): ListBlock {
  const items: ListItem[] = block.items.map((item) => {
    const content: Inline[] = [];
    let children: ListBlock | undefined;
    for (const inner of item) {
      if (inner.type === 'paragraph' || inner.type === 'heading') {
        if (content.length) content.push({ text: '\n' });
        content.push(...inlines(inner.content, notes));
      } else if (inner.type === 'bullet_list' || inner.type === 'ordered_list') {
        const nested = listOf(inner, notes);
        children = children ? { ...children, items: [...children.items, ...nested.items] } : nested;
      }
    }
    return children ? { content, children } : { content };
  });
  return { type: 'list', ordered: block.type === 'ordered_list', items };
}

/**
 * A part's rich text as document blocks; headings inside a part sit below the part's own
 * heading (level 4), tables become text tables with the first row as headings.
 */
export function richTextBlocks(document: RichTextDocument, idPrefix: string): Block[] {
  const out: Block[] = [];
  let headings = 0;
  let tables = 0;
  const notes = new Footnotes();
  for (const block of document.content) {
    switch (block.type) {
      case 'heading':
        headings += 1;
        out.push({ type: 'heading', level: 4, text: block.content.map((r) => r.text).join(''), id: `${idPrefix}-rubrik-${headings}` });
        break;
      case 'paragraph':
        out.push({ type: 'paragraph', content: inlines(block.content, notes) });
        break;
      case 'bullet_list':
      case 'ordered_list':
        out.push(listOf(block, notes));
        break;
      case 'table': {
        tables += 1;
        const [first, ...rest] = block.rows;
        const width = Math.max(...block.rows.map((r) => r.cells.length));
        const header = first?.header ? first : null;
        const cellText = (cell: Runs | undefined) => (cell ?? []).map((r) => r.text).join('');
        const table: TableBlock = {
          type: 'table',
          id: `${idPrefix}-tabell-${tables}`,
          caption: '',
          columns: Array.from({ length: width }, (_, i) => ({ label: header ? cellText(header.cells[i]) : '', kind: 'text' as const })),
          rows: (header ? rest : block.rows).map((r) => ({ cells: Array.from({ length: width }, (_, i) => cellText(r.cells[i])) })),
        };
        out.push(table);
        break;
      }
    }
  }
  out.push(...notes.paragraphs());
  return out;
}

function part(content: MemoContent, key: MemoTextPart, level: 2 | 3, id: string): Block[] {
  const body = richTextBlocks(content[key], id);
  return [
    { type: 'heading', level, text: MEMO_PART_LABELS[key], id },
    ...(body.length ? body : [{ type: 'paragraph' as const, content: [{ text: '–' }], style: 'note' as const }]),
  ];
}

function numbered(items: readonly string[]): ListBlock {
  return { type: 'list', ordered: true, items: items.map((text) => ({ content: [{ text }] })) };
}

/** The memo as the one document model every output is rendered from. */
export function memoModel(content: MemoContent, facts: MemoFacts): DocumentModel {
  const title = content.title || 'Tjänsteskrivelse';
  const committeeLower = facts.committee.toLocaleLowerCase('sv-SE');
  const body: Block[] = [
    {
      type: 'facts',
      rows: [
        { label: 'Upprättad', value: content.preparedOn || '–' },
        { label: 'Diarienummer', value: facts.diaryNumber ?? '–' },
        { label: 'Nämnd', value: facts.committee },
      ],
    },
    { type: 'heading', level: 1, text: title, id: 'rubrik' },
    { type: 'heading', level: 2, text: `Förslag till beslut i ${committeeLower}`, id: 'forslag-till-beslut' },
    content.proposals.length ? numbered(content.proposals) : { type: 'paragraph', content: [{ text: 'Inga förslag ännu.' }], style: 'note' },
    ...part(content, 'summary', 2, 'sammanfattning'),
    ...part(content, 'description', 2, 'arendebeskrivning'),
    { type: 'heading', level: 2, text: 'Förvaltningens synpunkter', id: 'forvaltningens-synpunkter' },
    ...part(content, 'economicConsequences', 3, 'ekonomiska-konsekvenser'),
    ...part(content, 'legalConsequences', 2, 'juridiska-konsekvenser'),
    ...part(content, 'equalityAnalysis', 2, 'jamstalldhetsanalys'),
    ...part(content, 'policyCompliance', 2, 'styrdokument'),
    { type: 'heading', level: 2, text: 'Beslutsunderlag', id: 'beslutsunderlag' },
    numbered(memoAttachmentList(content, facts.report)),
  ];
  if (content.signatures.length) body.push({ type: 'signatures', people: content.signatures.map((s) => ({ name: s.name, title: s.title })) });
  body.push({ type: 'heading', level: 2, text: 'Sändlista', id: 'sandlista' });
  body.push(
    content.distribution.length
      ? { type: 'list', ordered: false, items: content.distribution.map((text) => ({ content: [{ text }] })) }
      : { type: 'paragraph', content: [{ text: '–' }], style: 'note' },
  );
  return {
    meta: {
      kind: 'memo',
      committee: facts.committee,
      municipality: facts.municipality,
      title,
      subtitle: 'Tjänsteskrivelse',
      diaryNumber: facts.diaryNumber,
      dates: content.preparedOn ? [{ label: 'Upprättad', date: content.preparedOn }] : [],
      language: 'sv-SE',
      runningHeader: `${facts.committee}, Tjänsteskrivelse ${title}`,
      status: facts.status,
    },
    titlePage: false,
    tocDepth: 0,
    body,
    appendices: [],
  };
}
