/**
 * Sanitizing rich text (the model is in model.ts).
 *
 * Whatever an editor sends is untrusted. `sanitizeRichText` is the one gate between a request and
 * storage: it rebuilds the document from the known parts only, so nothing that could become
 * script survives into storage, preview or export. Text is plain text (`<script>` stays five
 * literal characters; every renderer escapes it), and links keep only http(s) and mailto
 * addresses.
 *
 * A clean document is in canonical form, which is what `sanitizeRichText` returns and what it
 * returns unchanged: no empty text runs, no two adjacent runs with the same marks, marks in the
 * order bold, italic, link, footnote and without duplicates, `marks` only when there is at least one,
 * `header` only on header rows (`true`), `id` only on paragraphs and unique, no empty lists,
 * tables or table rows.
 */
import { formatNumber } from '../format';
import type { Block, HeadingBlock, InlineMark, ListBlock, ParagraphBlock, RichTextDocument, TableBlock, TableRow, TextRun } from './model';

export type SanitizeRichTextResult =
  | { ok: true; document: RichTextDocument; removed: string[] }
  | { ok: false; errors: string[] };

/**
 * Exceeding any of these makes the document an error, not something silently cut:
 *  - `maxChars`: characters of text in the whole document (table cells included);
 *  - `maxBlocks`: headings, paragraphs, lists and tables, nested ones included;
 *  - `maxDepth`: levels of lists; a list directly in the document is level 1, a list in one of
 *    its items level 2, and so on;
 *  - `maxTableCells`: cells in all the document's tables together;
 *  - `maxTextRunLength`: characters in one run of equally formatted text;
 *  - `maxFootnoteLength`: characters in the text of one footnote (they count towards `maxChars` too).
 */
export const RICH_TEXT_LIMITS = {
  maxChars: 100_000,
  maxBlocks: 2_000,
  maxDepth: 4,
  maxTableCells: 2_000,
  maxTextRunLength: 20_000,
  maxFootnoteLength: 2_000,
} as const;

/** Longest link address kept; a longer one loses its link (the text stays). */
const MAX_HREF_LENGTH = 2_000;
const PARAGRAPH_ID = /^[A-Za-z0-9_-]{1,40}$/;
/** Control characters except tab and line feed. */
const TEXT_CONTROL = /[^\P{Cc}\n\t]/gu;
/** Control and invisible format characters (zero-width space, BOM, bidi overrides). */
const HREF_INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
/** The address must start with an allowed scheme; anything else (relative addresses too) loses its link. */
const SAFE_HREF = /^(?:https?:\/\/[^\s/]|mailto:\S)/i;
const MARK_ORDER: Readonly<Record<InlineMark['type'], number>> = { bold: 0, italic: 1, link: 2, footnote: 3 };
const FORMAT_ERROR = 'Innehållet har fel format.';

/**
 * Turns untrusted JSON into a clean document. Unknown block types, marks and properties are
 * dropped and described (in Swedish, each description once) in `removed`; a document over one
 * of the RICH_TEXT_LIMITS, or one that is not a version 1 document at all, is an error.
 */
export function sanitizeRichText(input: unknown): SanitizeRichTextResult {
  if (!isRecord(input) || own(input, 'type') !== 'doc' || own(input, 'version') !== 1) {
    return { ok: false, errors: [FORMAT_ERROR] };
  }
  const content = own(input, 'content');
  if (!Array.isArray(content)) return { ok: false, errors: [FORMAT_ERROR] };

  const sanitizer = new Sanitizer();
  sanitizer.unknownKeys(input, ['type', 'version', 'content'], 'dokumentet');
  const blocks = sanitizer.blocks(content, 0, false);
  const errors = sanitizer.limitErrors();
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, document: { type: 'doc', version: 1, content: blocks }, removed: [...sanitizer.removed] };
}

type JsonObject = Record<string, unknown>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: `__proto__`, `constructor` and friends never come from the prototype. */
function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** A value from the input, safe and short enough to quote in a message. */
function quote(value: string): string {
  const visible = value.replace(HREF_INVISIBLE, '');
  return visible.length > 40 ? `${visible.slice(0, 39)}…` : visible;
}

function number(value: number): string {
  return formatNumber(value);
}

interface CleanRun {
  text: string;
  marks: InlineMark[];
  key: string;
}

class Sanitizer {
  /** Descriptions of what was dropped or changed, each once, in the order met. */
  readonly removed = new Set<string>();
  private readonly ids = new Set<string>();
  private blockCount = 0;
  private charCount = 0;
  private cellCount = 0;
  private longestRun = 0;
  private longestFootnote = 0;
  private tooDeep = false;

  limitErrors(): string[] {
    const limits = RICH_TEXT_LIMITS;
    const errors: string[] = [];
    if (this.charCount > limits.maxChars) {
      errors.push(`Texten är för lång: ${number(this.charCount)} tecken, högst ${number(limits.maxChars)}.`);
    }
    if (this.longestRun > limits.maxTextRunLength) {
      errors.push(
        `Ett textavsnitt är för långt: ${number(this.longestRun)} tecken, högst ${number(limits.maxTextRunLength)}.`,
      );
    }
    if (this.longestFootnote > limits.maxFootnoteLength) {
      errors.push(
        `En fotnot är för lång: ${number(this.longestFootnote)} tecken, högst ${number(limits.maxFootnoteLength)}.`,
      );
    }
    if (this.blockCount > limits.maxBlocks) {
      errors.push(
        `Texten har för många delar (rubriker, stycken, listor och tabeller): ${number(this.blockCount)}, högst ${number(limits.maxBlocks)}.`,
      );
    }
    if (this.tooDeep) {
      errors.push(`Listorna är nästlade i för många nivåer: högst ${number(limits.maxDepth)} nivåer tillåts.`);
    }
    if (this.cellCount > limits.maxTableCells) {
      errors.push(`Tabellerna har för många celler: ${number(this.cellCount)}, högst ${number(limits.maxTableCells)}.`);
    }
    return errors;
  }

  unknownKeys(node: JsonObject, known: readonly string[], where: string): void {
    for (const key of Object.keys(node)) {
      if (!known.includes(key)) this.removed.add(`Okänd egenskap "${quote(key)}" i ${where} togs bort.`);
    }
  }

  /** `listDepth`: how many lists enclose these blocks; `inList`: they are the blocks of a list item. */
  blocks(values: unknown[], listDepth: number, inList: boolean): Block[] {
    const blocks: Block[] = [];
    for (const value of values) {
      const block = this.block(value, listDepth, inList);
      if (block !== null) blocks.push(block);
    }
    return blocks;
  }

  private block(value: unknown, listDepth: number, inList: boolean): Block | null {
    const type = isRecord(value) ? own(value, 'type') : undefined;
    if (!isRecord(value) || typeof type !== 'string') {
      this.removed.add('Ett ogiltigt block togs bort.');
      return null;
    }
    switch (type) {
      case 'heading':
        if (inList) {
          this.removed.add('En rubrik i en lista gjordes om till ett vanligt stycke.');
          this.unknownKeys(value, ['type', 'level', 'content'], 'en rubrik');
          return this.count({ type: 'paragraph', content: this.runs(own(value, 'content'), 'en rubrik') });
        }
        return this.heading(value);
      case 'paragraph':
        return this.paragraph(value);
      case 'bullet_list':
      case 'ordered_list':
        return this.list(value, type, listDepth);
      case 'table':
        if (inList) {
          this.removed.add('En tabell i en lista togs bort; tabeller kan inte stå i listor.');
          return null;
        }
        return this.table(value);
      default:
        this.removed.add(`Okänd blocktyp "${quote(type)}" togs bort.`);
        return null;
    }
  }

  private count<T extends Block>(block: T): T {
    this.blockCount += 1;
    return block;
  }

  private heading(value: JsonObject): HeadingBlock {
    this.unknownKeys(value, ['type', 'level', 'content'], 'en rubrik');
    const level = own(value, 'level');
    let clamped: HeadingBlock['level'] = 2;
    if (typeof level === 'number' && Number.isInteger(level)) {
      clamped = level < 2 ? 2 : level > 4 ? 4 : (level as HeadingBlock['level']);
      if (clamped !== level) this.removed.add(`Rubriknivå ${level} ändrades till ${clamped}.`);
    } else {
      this.removed.add('En rubrik utan giltig nivå fick nivå 2.');
    }
    return this.count({
      type: 'heading',
      level: clamped,
      content: this.runs(own(value, 'content'), 'en rubrik', false),
    });
  }

  private paragraph(value: JsonObject): ParagraphBlock {
    this.unknownKeys(value, ['type', 'id', 'content'], 'ett stycke');
    const paragraph: ParagraphBlock = { type: 'paragraph', content: [] };
    const id = own(value, 'id');
    if (typeof id === 'string' && PARAGRAPH_ID.test(id)) {
      if (this.ids.has(id)) {
        this.removed.add(`Styckes-id "${id}" förekom flera gånger; dubbletten togs bort.`);
      } else {
        this.ids.add(id);
        paragraph.id = id;
      }
    } else if (id !== undefined) {
      this.removed.add(
        typeof id === 'string' ? `Ogiltigt styckes-id "${quote(id)}" togs bort.` : 'Ett ogiltigt styckes-id togs bort.',
      );
    }
    paragraph.content = this.runs(own(value, 'content'), 'ett stycke');
    return this.count(paragraph);
  }

  private list(value: JsonObject, type: ListBlock['type'], listDepth: number): ListBlock | null {
    const depth = listDepth + 1;
    if (depth > RICH_TEXT_LIMITS.maxDepth) {
      // Not walked any further: a hostile document could be nested thousands of levels deep.
      this.tooDeep = true;
      return null;
    }
    this.unknownKeys(value, ['type', 'items'], 'en lista');
    const rawItems = own(value, 'items');
    const items: Block[][] = [];
    if (Array.isArray(rawItems)) {
      for (const item of rawItems) {
        if (Array.isArray(item)) items.push(this.blocks(item, depth, true));
        else this.removed.add('En ogiltig listpunkt togs bort.');
      }
    }
    if (items.length === 0) {
      this.removed.add('En tom lista togs bort.');
      return null;
    }
    return this.count({ type, items });
  }

  private table(value: JsonObject): TableBlock | null {
    this.unknownKeys(value, ['type', 'rows'], 'en tabell');
    const rawRows = own(value, 'rows');
    const rows: TableRow[] = [];
    for (const rawRow of Array.isArray(rawRows) ? rawRows : []) {
      const rawCells = isRecord(rawRow) ? own(rawRow, 'cells') : undefined;
      if (!isRecord(rawRow) || !Array.isArray(rawCells)) {
        this.removed.add('En ogiltig tabellrad togs bort.');
        continue;
      }
      this.unknownKeys(rawRow, ['header', 'cells'], 'en tabellrad');
      if (rawCells.length === 0) {
        this.removed.add('En tom tabellrad togs bort.');
        continue;
      }
      const row: TableRow = { cells: [] };
      const header = own(rawRow, 'header');
      if (header === true) row.header = true;
      else if (header !== undefined && header !== false)
        this.removed.add('Ett ogiltigt värde för rubrikrad togs bort.');
      row.cells = rawCells.map((cell) => {
        if (Array.isArray(cell)) return this.runs(cell, 'en tabellcell', false);
        this.removed.add('En ogiltig tabellcell ersattes med en tom cell.');
        return [];
      });
      this.cellCount += row.cells.length;
      rows.push(row);
    }
    if (rows.length === 0) {
      this.removed.add('En tom tabell togs bort.');
      return null;
    }
    return this.count({ type: 'table', rows });
  }

  /** `footnotes`: whether footnotes may stand here (in paragraphs, those in lists too; not in headings or cells). */
  private runs(value: unknown, where: string, footnotes = true): TextRun[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.removed.add(`Ogiltigt textinnehåll i ${where} togs bort.`);
      return [];
    }
    const merged: CleanRun[] = [];
    for (const rawRun of value) {
      const run = this.run(rawRun, footnotes);
      if (run === null || run.text === '') continue;
      const previous = merged[merged.length - 1];
      if (previous !== undefined && previous.key === run.key) previous.text += run.text;
      else merged.push(run);
    }
    return merged.map(({ text, marks }) => {
      this.charCount += text.length;
      this.longestRun = Math.max(this.longestRun, text.length);
      return marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
    });
  }

  private run(value: unknown, footnotes: boolean): CleanRun | null {
    const type = isRecord(value) ? own(value, 'type') : undefined;
    if (!isRecord(value) || type !== 'text') {
      this.removed.add(
        typeof type === 'string' ? `Okänd textdel "${quote(type)}" togs bort.` : 'En ogiltig textdel togs bort.',
      );
      return null;
    }
    this.unknownKeys(value, ['type', 'text', 'marks'], 'en textdel');
    const text = own(value, 'text');
    if (typeof text !== 'string') {
      this.removed.add('En textdel utan text togs bort.');
      return null;
    }
    const clean = text.replace(TEXT_CONTROL, '');
    if (clean.length !== text.length) this.removed.add('Otillåtna styrtecken togs bort ur texten.');
    let marks = this.marks(own(value, 'marks'));
    if (!footnotes && marks.some((mark) => mark.type === 'footnote')) {
      this.removed.add('En fotnot i en rubrik eller tabellcell togs bort; fotnoter kan stå i stycken och listor.');
      marks = marks.filter((mark) => mark.type !== 'footnote');
    }
    return { text: clean, marks, key: JSON.stringify(marks) };
  }

  private marks(value: unknown): InlineMark[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.removed.add('Ogiltig formatering togs bort.');
      return [];
    }
    const marks: InlineMark[] = [];
    for (const rawMark of value) {
      const type = isRecord(rawMark) ? own(rawMark, 'type') : undefined;
      if (!isRecord(rawMark) || typeof type !== 'string') {
        this.removed.add('Ogiltig formatering togs bort.');
        continue;
      }
      if (type === 'bold' || type === 'italic') {
        this.unknownKeys(rawMark, ['type'], 'en formatering');
        if (!marks.some((mark) => mark.type === type)) marks.push({ type });
      } else if (type === 'link') {
        this.unknownKeys(rawMark, ['type', 'href'], 'en länk');
        const href = this.href(own(rawMark, 'href'));
        if (href === null) continue;
        const existing = marks.find((mark) => mark.type === 'link');
        if (existing === undefined) marks.push({ type: 'link', href });
        else if (existing.href !== href) this.removed.add('En extra länk på samma text togs bort.');
      } else if (type === 'footnote') {
        this.unknownKeys(rawMark, ['type', 'note'], 'en fotnot');
        const note = this.note(own(rawMark, 'note'));
        if (note === null) continue;
        const existing = marks.find((mark) => mark.type === 'footnote');
        if (existing === undefined) marks.push({ type: 'footnote', note });
        else if (existing.note !== note) this.removed.add('En extra fotnot på samma text togs bort.');
      } else {
        this.removed.add(`Okänd formatering "${quote(type)}" togs bort.`);
      }
    }
    return marks.sort((a, b) => MARK_ORDER[a.type] - MARK_ORDER[b.type]);
  }

  /**
   * The text of a footnote: plain text without control characters (line feeds and tabs become
   * spaces), trimmed. An empty one is dropped (its marked text stays); a too long one is an error.
   */
  private note(value: unknown): string | null {
    if (typeof value !== 'string') {
      this.removed.add('En fotnot utan text togs bort; texten den gällde finns kvar.');
      return null;
    }
    const note = value.replace(/[\n\t]+/g, ' ').replace(TEXT_CONTROL, '').trim();
    if (note === '') {
      this.removed.add('En tom fotnot togs bort; texten den gällde finns kvar.');
      return null;
    }
    this.longestFootnote = Math.max(this.longestFootnote, note.length);
    this.charCount += note.length;
    return note;
  }

  /**
   * The address if it is safe to link to, else null (the link is dropped, its text stays). Control
   * and invisible characters are removed and the ends trimmed before the scheme is checked, as a
   * browser would (`java\nscript:` is `javascript:`); only `https:`, `http:` and `mailto:` pass,
   * in any letter case. Whitespace left inside an accepted address is percent-encoded.
   */
  private href(value: unknown): string | null {
    if (typeof value !== 'string') {
      this.removed.add('En länk utan giltig adress togs bort; texten finns kvar.');
      return null;
    }
    const cleaned = value.replace(HREF_INVISIBLE, '').trim();
    if (!SAFE_HREF.test(cleaned)) {
      this.removed.add(
        `Länken "${quote(value)}" togs bort eftersom bara webbadresser (https:, http:) och e-postadresser (mailto:) är tillåtna; texten finns kvar.`,
      );
      return null;
    }
    const href = cleaned.replace(/\s/gu, (space) => encodeURIComponent(space));
    if (href.length > MAX_HREF_LENGTH) {
      this.removed.add(
        `En länk med för lång adress (${number(href.length)} tecken, högst ${number(MAX_HREF_LENGTH)}) togs bort; texten finns kvar.`,
      );
      return null;
    }
    return href;
  }
}
