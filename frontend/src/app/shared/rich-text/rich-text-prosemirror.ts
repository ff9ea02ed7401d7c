import { Extension, getSchema, Mark, mergeAttributes, type Extensions, type JSONContent } from '@tiptap/core';
import { Fragment, type Node as PmNode, type Schema, Slice } from '@tiptap/pm/model';
import { DOMParser as PmDomParser } from '@tiptap/pm/model';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import type { Block, InlineMark, RichTextDocument, TableRow as ModelRow, TextRun } from '@rapportflode/domain';
import { cleanPastedHtml } from './word-paste';
import { safeHref } from './rich-text-dom';

/*
 * The editor's schema (Tiptap on ProseMirror) and the bridge between ProseMirror's JSON and the
 * stored document model of libs/domain. The schema holds only what the model can: headings 2–4,
 * paragraphs (with their comment anchor `id`), bullet and numbered lists, tables whose cells hold
 * paragraphs, hard breaks, and the marks bold, italic, link and footnote. Whatever comes out of
 * `documentFromProseMirror` still goes through `sanitizeRichText` before it is used or stored.
 */

/** A footnote on the text it explains; the marker (a CSS counter) stands after the text. */
export const Footnote = Mark.create({
  name: 'footnote',
  // Outermost mark: text under one footnote is one element with one marker, whatever else it carries.
  priority: 1100,
  inclusive: false,
  addAttributes() {
    return {
      note: {
        default: '',
        parseHTML: (element: HTMLElement) => element.getAttribute('data-note') ?? '',
        renderHTML: (attributes: { note?: string }) => ({
          'data-note': attributes.note ?? '',
          title: attributes.note ?? '',
        }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-footnote]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-footnote': '', class: 'footnote' }, HTMLAttributes), 0];
  },
});

/** The comment anchor of a paragraph (`data-id`); a paragraph split in two keeps it in the first half only. */
const ParagraphId = Extension.create({
  name: 'paragraphId',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph'],
        attributes: {
          id: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element: HTMLElement) => element.getAttribute('data-id'),
            renderHTML: (attributes: { id?: string | null }) => (attributes.id ? { 'data-id': attributes.id } : {}),
          },
        },
      },
    ];
  },
});

/** Only the addresses the sanitizer keeps become links (typed, pasted or autolinked). */
function allowedUri(url: string): boolean {
  return safeHref(url) !== null;
}

export function richTextExtensions(): Extensions {
  return [
    StarterKit.configure({
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        protocols: ['mailto'],
        defaultProtocol: 'https',
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
        isAllowedUri: (url) => allowedUri(url),
        shouldAutoLink: (url) => allowedUri(url) || allowedUri(`https://${url}`),
      },
    }),
    Table.configure({ resizable: false, allowTableNodeSelection: false }),
    TableRow,
    TableHeader.extend({ content: 'paragraph+' }),
    TableCell.extend({ content: 'paragraph+' }),
    Footnote,
    ParagraphId,
  ];
}

let schemaCache: Schema | null = null;

/** The schema alone (no editor): for reading pasted HTML in tests and helpers. */
export function richTextSchema(): Schema {
  schemaCache ??= getSchema(richTextExtensions());
  return schemaCache;
}

/* ---------- Model → ProseMirror ---------- */

export function documentToProseMirror(doc: RichTextDocument): JSONContent {
  const content = doc.content.map(blockJson);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function blockJson(block: Block): JSONContent {
  switch (block.type) {
    case 'heading':
      return withContent({ type: 'heading', attrs: { level: block.level } }, inlineJson(block.content));
    case 'paragraph':
      return withContent({ type: 'paragraph', attrs: { id: block.id ?? null } }, inlineJson(block.content));
    case 'bullet_list':
    case 'ordered_list':
      return {
        type: block.type === 'bullet_list' ? 'bulletList' : 'orderedList',
        content: block.items.map((item) => {
          const blocks = item.map(blockJson);
          // A list item starts with a paragraph in ProseMirror.
          if (blocks[0]?.type !== 'paragraph') blocks.unshift({ type: 'paragraph' });
          return { type: 'listItem', content: blocks };
        }),
      };
    case 'table':
      return { type: 'table', content: block.rows.map(rowJson) };
  }
}

function rowJson(row: ModelRow): JSONContent {
  return {
    type: 'tableRow',
    content: row.cells.map((cell) => ({
      type: row.header ? 'tableHeader' : 'tableCell',
      content: [withContent({ type: 'paragraph' }, inlineJson(cell))],
    })),
  };
}

function withContent(node: JSONContent, content: JSONContent[]): JSONContent {
  return content.length > 0 ? { ...node, content } : node;
}

function inlineJson(runs: readonly TextRun[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const run of runs) {
    const marks = (run.marks ?? []).map(markJson);
    const withMarks = (node: JSONContent): JSONContent => (marks.length > 0 ? { ...node, marks } : node);
    run.text.split('\n').forEach((part, index) => {
      if (index > 0) out.push(withMarks({ type: 'hardBreak' }));
      if (part !== '') out.push(withMarks({ type: 'text', text: part }));
    });
  }
  return out;
}

function markJson(mark: InlineMark): { type: string; attrs?: Record<string, unknown> } {
  switch (mark.type) {
    case 'bold':
    case 'italic':
      return { type: mark.type };
    case 'link':
      return { type: 'link', attrs: { href: mark.href } };
    case 'footnote':
      return { type: 'footnote', attrs: { note: mark.note } };
  }
}

/* ---------- ProseMirror → model ---------- */

/**
 * The document ProseMirror holds, in the stored model (not yet sanitized). The empty paragraphs
 * at the very end (the line an editor keeps after a last table or list) are left out.
 */
export function documentFromProseMirror(json: JSONContent): RichTextDocument {
  const content = blocksOf(json.content ?? []);
  while (content.length > 0) {
    const last = content[content.length - 1];
    if (last.type !== 'paragraph' || last.content.length > 0) break;
    content.pop();
  }
  return { type: 'doc', version: 1, content };
}

function blocksOf(nodes: readonly JSONContent[]): Block[] {
  return nodes.flatMap((node) => blockOf(node));
}

function blockOf(node: JSONContent): Block[] {
  switch (node.type) {
    case 'heading': {
      const raw = Number(node.attrs?.['level'] ?? 2);
      const level = (raw < 2 ? 2 : raw > 4 ? 4 : raw) as 2 | 3 | 4;
      return [{ type: 'heading', level, content: runsOf(node.content ?? []) }];
    }
    case 'paragraph': {
      const id = node.attrs?.['id'];
      const content = runsOf(node.content ?? []);
      return [
        typeof id === 'string' && id !== '' ? { type: 'paragraph', id, content } : { type: 'paragraph', content },
      ];
    }
    case 'bulletList':
    case 'orderedList':
      return [
        {
          type: node.type === 'bulletList' ? 'bullet_list' : 'ordered_list',
          items: (node.content ?? []).map((item) => blocksOf(item.content ?? [])),
        },
      ];
    case 'table':
      return [{ type: 'table', rows: (node.content ?? []).map(rowOf) }];
    default:
      return node.content ? blocksOf(node.content) : [];
  }
}

function rowOf(row: JSONContent): ModelRow {
  const cells = row.content ?? [];
  const out: ModelRow = { cells: cells.map((cell) => cellRuns(cell)) };
  if (cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader')) out.header = true;
  return out;
}

/** A cell holds one text: its paragraphs become lines. */
function cellRuns(cell: JSONContent): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (nodes: readonly JSONContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'hardBreak') {
        runs.push(...runsOf([node]));
      } else {
        if (runs.length > 0 && !runs[runs.length - 1].text.endsWith('\n')) runs.push({ type: 'text', text: '\n' });
        visit(node.content ?? []);
      }
    }
  };
  visit(cell.content ?? []);
  return runs;
}

function runsOf(nodes: readonly JSONContent[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const node of nodes) {
    const text = node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : '';
    if (text === '') continue;
    const marks = (node.marks ?? []).flatMap(markOf);
    runs.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
  }
  return runs;
}

function markOf(mark: { type: string; attrs?: Record<string, unknown> }): InlineMark[] {
  switch (mark.type) {
    case 'bold':
    case 'italic':
      return [{ type: mark.type }];
    case 'link':
      return typeof mark.attrs?.['href'] === 'string' ? [{ type: 'link', href: mark.attrs['href'] }] : [];
    case 'footnote':
      return typeof mark.attrs?.['note'] === 'string' ? [{ type: 'footnote', note: mark.attrs['note'] }] : [];
    default:
      return [];
  }
}

/* ---------- Paragraph anchors ---------- */

/**
 * The paragraphs (outside tables) that need an id: those without one and every later one that
 * repeats an earlier id. The first of two equal ids keeps it.
 */
export function paragraphsNeedingIds(doc: PmNode): number[] {
  const seen = new Set<string>();
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'table') return false;
    if (node.type.name !== 'paragraph') return true;
    const id: unknown = node.attrs['id'];
    if (typeof id === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(id) && !seen.has(id)) seen.add(id);
    else positions.push(pos);
    return false;
  });
  return positions;
}

/** Pasted paragraphs get ids of their own: a copied `data-id` would take the original's anchor. */
export function withoutParagraphIds(slice: Slice): Slice {
  const strip = (fragment: Fragment): Fragment => {
    const nodes: PmNode[] = [];
    fragment.forEach((node) => {
      const attrs = node.type.name === 'paragraph' && node.attrs['id'] ? { ...node.attrs, id: null } : node.attrs;
      nodes.push(node.isText ? node : node.type.create(attrs, strip(node.content), node.marks));
    });
    return Fragment.from(nodes);
  };
  return new Slice(strip(slice.content), slice.openStart, slice.openEnd);
}

/**
 * Pasted HTML as the document it becomes in the editor (Word's and Outlook's markup cleaned
 * first), before sanitizing: what a paste keeps.
 */
export function documentFromPastedHtml(html: string): RichTextDocument {
  const dom = new DOMParser().parseFromString(cleanPastedHtml(html), 'text/html');
  const node = PmDomParser.fromSchema(richTextSchema()).parse(dom.body);
  return documentFromProseMirror(node.toJSON() as JSONContent);
}
