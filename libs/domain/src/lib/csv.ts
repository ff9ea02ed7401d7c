/**
 * Generic CSV reading for imports: the bytes a person uploads (often written by Swedish Excel,
 * i.e. Windows-1252 and semicolons) turned into rows of strings.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
/** Tab is what Excel's "Unicode text" (UTF-16) and "Text (tab-delimited)" write. */
export type CsvDelimiter = ';' | ',' | '\t';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

export interface ParsedCsv {
  delimiter: CsvDelimiter;
  /**
   * One entry per record; `rows[i]` is what Excel shows as row `i + 1`. Empty lines in the
   * middle of the file are kept (as `['']`) so that numbering holds; trailing empty lines are
   * dropped.
   */
  rows: string[][];
}

/** A file that cannot be read as CSV at all. `line` is 1-based, counted as Excel counts rows. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * Decodes an uploaded file: UTF-16 when it starts with a UTF-16 BOM (FF FE little-endian, as
 * Excel's "Unicode text" writes it, or FE FF big-endian), UTF-8 (with or without BOM) when the
 * bytes are valid UTF-8, otherwise Windows-1252, which is what Excel writes with Swedish
 * regional settings.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const utf16: CsvEncoding | null =
    bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    // An odd last byte or a lone surrogate becomes U+FFFD, which the import shows where it sits.
    return { text: new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: utf16 };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252')
      .decode(body)
      .replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_C1[ch] ?? ch);
    return { text, encoding: 'windows-1252' };
  }
}

/**
 * What bytes 0x80–0x9F mean in Windows-1252 (WHATWG index; 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay
 * control characters). Applied after TextDecoder because Node 20.18.3 and later 20.x decode
 * 'windows-1252' as Latin-1 (nodejs/node#60888), which would turn "–" and "€" into invisible
 * control characters; where TextDecoder is correct, this changes nothing.
 */
const WINDOWS_1252_C1: Readonly<Record<string, string>> = {
  '\u0080': '\u20ac',
  '\u0082': '\u201a',
  '\u0083': '\u0192',
  '\u0084': '\u201e',
  '\u0085': '\u2026',
  '\u0086': '\u2020',
  '\u0087': '\u2021',
  '\u0088': '\u02c6',
  '\u0089': '\u2030',
  '\u008a': '\u0160',
  '\u008b': '\u2039',
  '\u008c': '\u0152',
  '\u008e': '\u017d',
  '\u0091': '\u2018',
  '\u0092': '\u2019',
  '\u0093': '\u201c',
  '\u0094': '\u201d',
  '\u0095': '\u2022',
  '\u0096': '\u2013',
  '\u0097': '\u2014',
  '\u0098': '\u02dc',
  '\u0099': '\u2122',
  '\u009a': '\u0161',
  '\u009b': '\u203a',
  '\u009c': '\u0153',
  '\u009e': '\u017e',
  '\u009f': '\u0178',
};

/** NUL, or half of a UTF-16 surrogate pair: characters a database cannot store as text. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A file holding such a character is refused with its line, before any of it is read as data. */
function refuseUnstorable(source: string): void {
  const match = UNSTORABLE.exec(source);
  if (!match) return;
  const line = source.slice(0, match.index).split(/\r\n|\r|\n/).length;
  const what = match[0] === '\u0000' ? 'ett NUL-tecken (U+0000)' : 'ett ofullständigt tecken (halva ett UTF-16-par)';
  throw new CsvError(
    `Rad ${line} innehåller ${what}, som inte kan sparas. Öppna filen i Excel och spara den på nytt som CSV (UTF-8).`,
    line,
  );
}

/**
 * Parses CSV in the style of RFC 4180: fields may be quoted, `""` inside quotes is one `"`,
 * and quoted fields may contain the delimiter and line breaks. Lines may end with CRLF, LF or
 * CR. The delimiter is `;` if the first line has more semicolons than commas outside quotes,
 * otherwise `,`. A quote in the middle of an unquoted field is kept as an ordinary character.
 */
export function parseCsv(text: string): ParsedCsv {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  refuseUnstorable(source);
  const delimiter = detectDelimiter(source);
  const rows: string[][] = [];

  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteStartRow = 0;
  let i = 0;

  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < source.length) {
    const ch = source[i];
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoteStartRow = rows.length + 1;
      i += 1;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    i += 1;
  }

  if (inQuotes) {
    throw new CsvError(
      `Citattecknet som börjar på rad ${quoteStartRow} avslutas aldrig. ` +
        'Ett fält som börjar med " måste också sluta med ", och " inuti fältet skrivs "".',
      quoteStartRow,
    );
  }
  if (field !== '' || row.length > 0) endRow();

  while (rows.length > 0 && rows[rows.length - 1].every((value) => value === '')) rows.pop();
  return { delimiter, rows };
}

/**
 * Counts semicolons, commas and tabs outside quotes on the first line (which may span quoted
 * line breaks): tab when tabs outnumber both, otherwise `;` over `,` as before.
 */
function detectDelimiter(source: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let tabs = 0;
  let inQuotes = false;
  for (const ch of source) {
    if (ch === '"') {
      inQuotes = !inQuotes;
    } else if (!inQuotes) {
      if (ch === '\n' || ch === '\r') break;
      if (ch === ';') semicolons += 1;
      else if (ch === ',') commas += 1;
      else if (ch === '\t') tabs += 1;
    }
  }
  if (tabs > semicolons && tabs > commas) return '\t';
  return semicolons > commas ? ';' : ',';
}
