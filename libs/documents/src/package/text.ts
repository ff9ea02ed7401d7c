import { PDFDict, PDFName, type PDFContext, type PDFFont, type PDFPageLeaf, type PDFRef } from 'pdf-lib';
import { resolve } from './objects';

const SUBSTITUTES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2248': '~',
  '\u2260': '!=',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u200b': '',
  '\u00ad': '',
};

/** A standard font (Helvetica, WinAnsi), embedded once, with the text helpers the table of contents and the stamps need. */
export class StandardText {
  private readonly charset: Set<number>;

  constructor(
    readonly font: PDFFont,
    /** The resource name the package's own content streams use for it. */
    readonly key: string,
  ) {
    this.charset = new Set(font.getCharacterSet());
  }

  get ref(): PDFRef {
    return this.font.ref;
  }

  /** The text with every character WinAnsi lacks replaced (a close ASCII form, the letter without its accent, or '?'). */
  printable(text: string): string {
    let out = '';
    for (const char of text.normalize('NFC').replace(/[\r\n\t]+/g, ' ')) {
      const code = char.codePointAt(0) ?? 0;
      if (this.charset.has(code)) {
        out += char;
        continue;
      }
      const substitute = SUBSTITUTES[char];
      if (substitute !== undefined) {
        out += substitute;
        continue;
      }
      const bare = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += bare && Array.from(bare).every((c) => this.charset.has(c.codePointAt(0) ?? 0)) ? bare : '?';
    }
    return out;
  }

  width(text: string, size: number): number {
    return this.font.widthOfTextAtSize(text, size);
  }

  /** The `<…>` operand of Tj for printable text. */
  hex(text: string): string {
    return this.font.encodeText(text).toString();
  }

  /** Greedy word wrap of printable text into lines no wider than `width` (a word too long is broken). */
  wrap(text: string, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ').filter((w) => w !== '')) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.width(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (this.width(line, size) > width && line.length > 1) {
        const chars = Array.from(line);
        let fit = chars.length - 1;
        while (fit > 1 && this.width(chars.slice(0, fit).join(''), size) > width) fit -= 1;
        lines.push(chars.slice(0, fit).join(''));
        line = chars.slice(fit).join('');
      }
    }
    if (line || lines.length === 0) lines.push(line);
    return lines;
  }
}

/** A number as a content-stream operand (at most three decimals, no exponent). */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * The name under which `font` is (or now is) in a resource dictionary's /Font: the preferred key,
 * or a numbered variant when the page already uses that key for another font.
 */
export function fontKeyIn(fonts: PDFDict, text: StandardText): string {
  for (let n = 0; ; n += 1) {
    const key = n === 0 ? text.key : `${text.key}${n}`;
    const existing = fonts.get(PDFName.of(key));
    if (existing === undefined) {
      fonts.set(PDFName.of(key), text.ref);
      return key;
    }
    if (existing === text.ref) return key;
  }
}

/** The page's /Font resources, created when missing (the dictionaries may be shared with other pages of the same source). */
export function pageFonts(context: PDFContext, page: PDFPageLeaf): PDFDict {
  let resources = resolve(context, page.get(PDFName.of('Resources')), PDFDict);
  if (!resources) {
    resources = context.obj({});
    page.set(PDFName.of('Resources'), resources);
  }
  let fonts = resolve(context, resources.get(PDFName.of('Font')), PDFDict);
  if (!fonts) {
    fonts = context.obj({});
    resources.set(PDFName.of('Font'), fonts);
  }
  return fonts;
}
