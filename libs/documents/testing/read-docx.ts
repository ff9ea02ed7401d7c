/**
 * Reading a DOCX back in tests: a small unzip (the central directory and zlib's raw inflate, no
 * package), a strict-enough XML well-formedness check, and the paragraphs' styles and text.
 * Test code only (outside src/: the library never ships it).
 */
import { inflateRawSync } from 'node:zlib';

/** Every file of a zip archive, as UTF-8 text. Throws on anything that is not a well-formed zip. */
export function unzip(zip: Buffer): Map<string, string> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`${name}: compression method ${method}`);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ATTRIBUTES = /^(\s+[A-Za-z_][\w.:-]*\s*=\s*("[^"<]*"|'[^'<]*'))*\s*$/;
const ENTITY = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** Throws unless the text is well-formed XML (one root, balanced tags, quoted attributes, valid entities). */
export function assertWellFormed(xml: string, name = 'xml'): void {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${name}: ${why} at ${i}: ${xml.slice(Math.max(0, i - 60), i + 60)}`);
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (ENTITY.test(text)) fail('bad entity in text');
    if (stack.length === 0 && text.trim() !== '') fail('text outside the root');
    if (lt === -1) break;
    i = lt;
    if (xml.startsWith('<?', i)) {
      const close = xml.indexOf('?>', i);
      if (close === -1) fail('unclosed declaration');
      i = close + 2;
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      const close = xml.indexOf('-->', i);
      if (close === -1) fail('unclosed comment');
      i = close + 3;
      continue;
    }
    const gt = xml.indexOf('>', i);
    if (gt === -1) fail('unclosed tag');
    const tag = xml.slice(i + 1, gt);
    if (tag.startsWith('/')) {
      const closing = tag.slice(1).trim();
      if (stack.pop() !== closing) fail(`</${closing}> does not close the open element`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const match = NAME.exec(body) ?? fail('bad element name');
      const attributes = body.slice(match[0].length);
      if (!ATTRIBUTES.test(attributes) || ENTITY.test(attributes)) fail('bad attributes');
      if (stack.length === 0) roots += 1;
      if (!selfClosing) stack.push(match[0]);
    }
    i = gt + 1;
  }
  if (stack.length) fail(`unclosed <${stack[stack.length - 1]}>`);
  if (roots !== 1) fail(`${roots} root elements`);
}

export function decodeXml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** The text of a piece of WordprocessingML: its w:t runs, decoded, tabs as \t. */
export function textOf(xml: string): string {
  let out = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t\s*\/>|<w:tab\/>/g)) {
    out += match[0].startsWith('<w:tab') ? '\t' : decodeXml(match[1] ?? '');
  }
  return out;
}

export interface DocxParagraph {
  style: string | null;
  text: string;
  xml: string;
}

/** Every paragraph in order (inside tables too), with its style id and text. */
export function paragraphsOf(xml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const match of xml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/w:p>)/g)) {
    const style = /<w:pStyle w:val="([^"]*)"\/>/.exec(match[0]);
    out.push({ style: style ? style[1] : null, text: textOf(match[0]), xml: match[0] });
  }
  return out;
}

/** The document's tables (no nesting in our documents), in order. */
export function tablesXmlOf(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

export function rowsOf(tableXml: string): string[] {
  return [...tableXml.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
}

/** The field instructions of a part: complex fields (w:instrText) and simple ones (w:fldSimple). */
export function fieldInstructions(xml: string): string[] {
  const complex = [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => decodeXml(m[1]).trim());
  const simple = [...xml.matchAll(/<w:fldSimple w:instr="([^"]*)"/g)].map((m) => decodeXml(m[1]).trim());
  return [...complex, ...simple];
}
