import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_PAGES } from '@rapportflode/domain';
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFInvalidObject,
  PDFName,
  PDFObject,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import { DomainError } from '../../common/domain-error';

export interface AttachmentLimits {
  maxBytes: number;
  maxPages: number;
}

export interface CheckedAttachment {
  pages: number;
  sha256: string;
  /** The Info dictionary's /Title, trimmed; null when there is none. */
  title: string | null;
}

/** What a bilaga may not contain, by the PDF name that reveals it. */
type ActiveKind = 'javascript' | 'embedded' | 'launch' | 'richmedia' | 'xfa';

const ACTIVE_NAMES: Readonly<Record<string, ActiveKind>> = {
  JS: 'javascript',
  JavaScript: 'javascript',
  EmbeddedFiles: 'embedded',
  EmbeddedFile: 'embedded',
  Launch: 'launch',
  RichMedia: 'richmedia',
  XFA: 'xfa',
};

const ACTIVE_LABELS: Readonly<Record<ActiveKind, string>> = {
  javascript: 'JavaScript',
  embedded: 'inbäddade filer',
  launch: 'åtgärder som startar program eller öppnar filer (Launch)',
  richmedia: 'multimedieinnehåll (RichMedia)',
  xfa: 'XFA-formulär',
};

const ACTIVE_ORDER: readonly ActiveKind[] = ['javascript', 'embedded', 'launch', 'richmedia', 'xfa'];

/** How far into the file the header may begin (viewers accept a prefix of up to 1 kB). */
const HEADER_WINDOW = 1024;
/** PDF white-space characters (NUL, tab, line feed, form feed, carriage return, space). */
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
/** Where the end of the file (startxref … %%EOF) must be. */
const TAIL_WINDOW = 2048;

/**
 * A PDF name as it may be written in the file: each character itself or as #hh (either case
 * of hex), ending at a delimiter. `/J#53` is the same name as `/JS` to a viewer.
 */
function namePattern(name: string): string {
  const chars = [...name].map((char) => {
    const hex = char.charCodeAt(0).toString(16).padStart(2, '0');
    const hexPattern = [...hex].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join('');
    return `(?:${char}|#${hexPattern})`;
  });
  return `/${chars.join('')}(?=[\\0\\t\\n\\f\\r /<>\\[\\]()%{}]|$)`;
}

/** Longest names first, so that /EmbeddedFiles is not read as /EmbeddedFile. */
const SCAN_NAMES = [...Object.keys(ACTIVE_NAMES), 'Encrypt'].sort((a, b) => b.length - a.length);
const NAME_SCAN = new RegExp(SCAN_NAMES.map((name) => `(${namePattern(name)})`).join('|'), 'g');

const OBJECT_STREAM = PDFName.of('ObjStm');
const OBJECT_STREAM_NAME = new RegExp(namePattern('ObjStm'));

/** A stream's data begins after `>> stream` and an end of line; it ends at `endstream`. */
const STREAM_START = />>[\0\t\n\f\r ]*stream(?:\r\n|\r|\n)/g;

/** `#hh` escapes decoded, in either case of hex (pdf-lib itself decodes only upper-case ones). */
function decodeName(name: string): string {
  return name.includes('#') ? name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : name;
}

/**
 * The parts of the file outside stream data: the objects' dictionaries, the trailers and the
 * cross-reference streams' dictionaries. Stream data (images, fonts, compressed page content)
 * is left out: random bytes there would otherwise now and then spell /JS.
 */
function outsideStreams(text: string): string {
  const parts: string[] = [];
  let position = 0;
  for (;;) {
    STREAM_START.lastIndex = position;
    const start = STREAM_START.exec(text);
    if (!start) {
      parts.push(text.slice(position));
      break;
    }
    const dataStart = start.index + start[0].length;
    parts.push(text.slice(position, dataStart));
    const end = text.indexOf('endstream', dataStart);
    if (end < 0) break;
    position = end;
  }
  return parts.join('\n');
}

/** The names found by a scan of the file's own text, decoded (`Encrypt` among them). */
function scanNames(text: string): Set<string> {
  const found = new Set<string>();
  NAME_SCAN.lastIndex = 0;
  for (let match = NAME_SCAN.exec(text); match; match = NAME_SCAN.exec(text)) {
    found.add(decodeName(match[0].slice(1)));
  }
  return found;
}

interface DocumentNames {
  names: Set<string>;
  /** The bytes of the objects pdf-lib could not parse, as latin1 text. */
  invalidObjects: string[];
  /** An object stream was left unread (its /Type given indirectly, say): what is in it is unknown. */
  unreadObjectStream: boolean;
}

/** Every name used in the document's objects, as keys or as values, object streams included. */
function documentNames(doc: PDFDocument): DocumentNames {
  const names = new Set<string>();
  const decoded = new Map<PDFName, string>();
  const invalidObjects: string[] = [];
  let unreadObjectStream = false;
  const nameOf = (name: PDFName): string => {
    let text = decoded.get(name);
    if (text === undefined) {
      text = decodeName(name.decodeText());
      decoded.set(name, text);
    }
    return text;
  };
  const stack: PDFObject[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    stack.push(object);
    while (stack.length) {
      const current = stack.pop() as PDFObject;
      if (current instanceof PDFName) {
        names.add(nameOf(current));
      } else if (current instanceof PDFDict) {
        for (const [key, value] of current.entries()) {
          names.add(nameOf(key));
          stack.push(value);
        }
      } else if (current instanceof PDFArray) {
        for (const item of current.asArray()) stack.push(item);
      } else if (current instanceof PDFStream) {
        // pdf-lib unpacks object streams while parsing; one still here was not unpacked.
        if (current.dict.lookup(PDFName.of('Type')) === OBJECT_STREAM) unreadObjectStream = true;
        stack.push(current.dict);
      } else if (current instanceof PDFInvalidObject) {
        // An object pdf-lib could not parse: what a more forgiving viewer might still read.
        const raw = new Uint8Array(current.sizeInBytes());
        current.copyBytesInto(raw, 0);
        invalidObjects.push(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1'));
      }
    }
  }
  return { names, invalidObjects, unreadObjectStream };
}

/** The number of pages, counted through the page tree; a node reached twice makes the tree invalid. */
function countPages(doc: PDFDocument): number {
  const catalog = doc.context.lookup(doc.context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict)) throw new Error('no catalog');
  const root = catalog.get(PDFName.of('Pages'));
  if (!root) throw new Error('no page tree');
  const seen = new Set<PDFRef>();
  const stack: PDFObject[] = [root];
  let pages = 0;
  while (stack.length) {
    let node = stack.pop() as PDFObject;
    if (node instanceof PDFRef) {
      if (seen.has(node)) throw new Error('page tree node reached twice');
      seen.add(node);
      node = doc.context.lookup(node) as PDFObject;
    }
    if (!(node instanceof PDFDict)) throw new Error('page tree node is not a dictionary');
    const kids = node.lookup(PDFName.of('Kids'));
    const type = node.lookup(PDFName.of('Type'));
    if (kids instanceof PDFArray) {
      for (const kid of kids.asArray()) stack.push(kid);
    } else if (type === PDFName.of('Pages')) {
      throw new Error('page tree node without kids');
    } else {
      pages += 1;
    }
  }
  return pages;
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  const format = new Intl.NumberFormat('sv-SE', value < 1 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 1 });
  return `${format.format(value)} MB`;
}

function joinSwedish(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/**
 * Checks an uploaded bilaga before it is stored: a PDF by its content (the file name decides
 * nothing), within the size and page limits, not encrypted, without active content (JavaScript,
 * embedded files, launch actions, rich media, XFA forms) and readable. Throws DomainError
 * with a Swedish message naming the file; returns the page count, the SHA-256 of the bytes and
 * the title of the document information dictionary.
 *
 * Active content is looked for twice: in the file's own text outside stream data (names written
 * with #-escapes included) and in every object pdf-lib parses, which includes the objects of
 * compressed object streams. A 50 MB file takes a few seconds at most, most of it pdf-lib's parse.
 */
export async function checkAttachmentPdf(
  bytes: Buffer,
  fileName: string,
  limits: AttachmentLimits = { maxBytes: ATTACHMENT_MAX_BYTES, maxPages: ATTACHMENT_MAX_PAGES },
): Promise<CheckedAttachment> {
  const name = `«${fileName}»`;
  const invalid = () =>
    new DomainError(
      'attachment_invalid',
      `Filen ${name} kan inte läsas som PDF: den är skadad eller ofullständig. Spara den på nytt som PDF och ladda upp igen.`,
    );

  const header = bytes.subarray(0, HEADER_WINDOW + 4).indexOf('%PDF-');
  if (header < 0 || header >= HEADER_WINDOW) {
    throw new DomainError('attachment_not_pdf', `Filen ${name} är ingen PDF. Bilagor laddas upp som PDF.`);
  }
  if (bytes.length > limits.maxBytes) {
    throw new DomainError(
      'attachment_too_large',
      `Filen ${name} är ${megabytes(bytes.length)}. En bilaga får vara högst ${megabytes(limits.maxBytes)}.`,
    );
  }

  // A complete file ends with startxref and %%EOF (padding after it aside); a cut-off upload does not.
  let end = bytes.length;
  while (end > 0 && WHITESPACE.has(bytes[end - 1])) end -= 1;
  const tail = bytes.subarray(Math.max(0, end - TAIL_WINDOW), end).toString('latin1');
  const startxref = /startxref[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+%%EOF$/.exec(tail);
  if (!startxref || Number(startxref[1]) >= bytes.length) throw invalid();

  const encrypted = () =>
    new DomainError(
      'attachment_encrypted',
      `Filen ${name} är krypterad eller lösenordsskyddad. Spara den utan lösenord och ladda upp igen.`,
    );
  const rawNames = scanNames(outsideStreams(bytes.toString('latin1')));
  if (rawNames.has('Encrypt')) throw encrypted();

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fast,
    });
  } catch {
    throw invalid();
  }
  if (doc.isEncrypted || doc.context.trailerInfo.Encrypt) throw encrypted();

  const { names, invalidObjects, unreadObjectStream } = documentNames(doc);
  // Objects that could not be read might hide anything: an unreadable object stream fails the check.
  if (unreadObjectStream || invalidObjects.some((text) => OBJECT_STREAM_NAME.test(text))) throw invalid();
  for (const text of invalidObjects) for (const found of scanNames(text)) names.add(found);
  for (const found of rawNames) names.add(found);
  const active = new Set<ActiveKind>();
  for (const found of names) {
    const kind = ACTIVE_NAMES[found];
    if (kind) active.add(kind);
  }
  if (active.size) {
    const labels = ACTIVE_ORDER.filter((kind) => active.has(kind)).map((kind) => ACTIVE_LABELS[kind]);
    throw new DomainError(
      'attachment_active_content',
      `Filen ${name} innehåller ${joinSwedish(labels)}, vilket inte är tillåtet i en bilaga. Spara den som en vanlig PDF utan sådant innehåll (till exempel som PDF/A) och ladda upp igen.`,
      labels,
    );
  }

  let pages: number;
  try {
    pages = countPages(doc);
  } catch {
    throw invalid();
  }
  if (pages === 0) {
    throw new DomainError('attachment_invalid', `Filen ${name} har inga sidor. Kontrollera filen och ladda upp igen.`);
  }
  if (pages > limits.maxPages) {
    throw new DomainError(
      'attachment_too_many_pages',
      `Filen ${name} har ${pages} sidor. En bilaga får ha högst ${limits.maxPages} sidor: dela upp den i flera bilagor.`,
    );
  }

  let title: string | null = null;
  try {
    title = doc.getTitle()?.trim() || null;
  } catch {
    title = null;
  }
  return { pages, sha256: createHash('sha256').update(bytes).digest('hex'), title };
}
