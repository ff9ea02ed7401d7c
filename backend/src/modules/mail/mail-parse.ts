import { simpleParser } from 'mailparser';

/** What the catcher keeps of a message's content. */
export interface ParsedMail {
  subject: string;
  text: string;
  html: string | null;
  /** Marked confidential by the sender (the X-Rapportflode-Confidential header). */
  confidential: boolean;
}

const CONFIDENTIAL = 'x-rapportflode-confidential';

interface Part {
  headers: Map<string, string>;
  body: string;
}

interface ContentType {
  type: string;
  params: Map<string, string>;
}

const CRLF = '\r\n';

/**
 * Parses a received message (the raw bytes of an SMTP DATA) into subject, text and HTML, exactly
 * as mailparser's simpleParser would. The simple messages nodemailer writes (text/plain, or
 * multipart/alternative of text/plain and text/html; UTF-8 or ASCII; 7bit, 8bit, quoted-printable
 * or base64; subject plain or in UTF-8 encoded-words) are parsed here directly, without streams,
 * which costs a fraction of simpleParser; anything else goes to simpleParser.
 */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  const fast = parseSimpleMail(raw);
  if (fast) return fast;
  const parsed = await simpleParser(raw);
  return {
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    confidential: parsed.headers.has(CONFIDENTIAL),
  };
}

/** The fast path of parseMail: null when the message is not one it recognises. */
export function parseSimpleMail(raw: Buffer): ParsedMail | null {
  // Every byte one char (latin1), so byte offsets and string offsets agree.
  const message = raw.toString('latin1');
  const root = splitPart(message);
  if (!root) return null;
  const subject = decodeSubject(root.headers.get('subject'));
  if (subject === null) return null;
  const contentType = parseContentType(root.headers.get('content-type'));
  if (!contentType) return null;
  const confidential = root.headers.has(CONFIDENTIAL);
  if (contentType.type === 'text/plain') {
    const text = leafText(root, contentType);
    return text === null ? null : { subject, text, html: null, confidential };
  }
  if (contentType.type !== 'multipart/alternative' || contentType.params.size !== 1) return null;
  const boundary = contentType.params.get('boundary');
  if (!boundary) return null;
  const parts = splitMultipart(root.body, boundary);
  if (!parts) return null;
  let text: string | null = null;
  let html: string | null = null;
  let sawHtml = false;
  for (const source of parts) {
    const part = splitPart(source);
    if (!part || part.headers.has('subject')) return null;
    const type = parseContentType(part.headers.get('content-type'));
    if (!type) return null;
    const content = leafText(part, type);
    if (content === null) return null;
    if (type.type === 'text/plain' && text === null) text = content;
    else if (type.type === 'text/html' && !sawHtml) {
      sawHtml = true;
      html = content;
    } else return null;
  }
  if (text === null) return null;
  // mailparser keeps no empty part: an empty HTML part is no HTML at all.
  return { subject, text, html: html === '' ? null : html, confidential };
}

/**
 * Headers and body of a message or a part. Null for anything unusual: no blank line, bytes that
 * are not ASCII in the headers, bare CR or LF, a line that is no header, a header that mailparser
 * would read as a single value given more than once.
 */
function splitPart(source: string): Part | null {
  const end = source.indexOf(CRLF + CRLF);
  if (end <= 0) return null;
  const head = source.slice(0, end);
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(head)) return null;
  const lines = head.split(CRLF);
  const headers = new Map<string, string>();
  let key: string | null = null;
  let value = '';
  const add = (): boolean => {
    if (key === null) return true;
    if (headers.has(key) && SINGLE.has(key)) return false;
    headers.set(key, value.trim());
    return true;
  };
  for (const line of lines) {
    if (line.includes('\r') || line.includes('\n')) return null;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (key === null) return null;
      // libmime.decodeHeader unfolds a line break and the whitespace after it into one space.
      value += ' ' + line.replace(/^[ \t]*/, '');
      continue;
    }
    if (!add()) return null;
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    key = line.slice(0, colon).trim().toLowerCase();
    if (!key) return null;
    value = line.slice(colon + 1);
  }
  if (!add()) return null;
  if (headers.has('content-disposition')) return null;
  return { headers, body: source.slice(end + 4) };
}

/** Headers whose repetition the fast path leaves to mailparser. */
const SINGLE = new Set(['subject', 'content-type', 'content-transfer-encoding', 'content-disposition']);

const PARAM = /^\s*;\s*([A-Za-z0-9!#$%&'+.^_`|~-]+)\s*=\s*(?:"([^"\\]*)"|([^\s;"()<>@,:\\/[\]?=]+))\s*/;

/** A Content-Type with plain parameters (no comments, no RFC 2231, no escapes), else null. */
function parseContentType(header: string | undefined): ContentType | null {
  if (header === undefined) return null;
  const semicolon = header.indexOf(';');
  const type = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  if (!/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type)) return null;
  const params = new Map<string, string>();
  let rest = semicolon < 0 ? '' : header.slice(semicolon);
  while (rest.trim() !== '') {
    const match = PARAM.exec(rest);
    if (!match) return null;
    const name = match[1].toLowerCase();
    if (params.has(name)) return null;
    params.set(name, match[2] ?? match[3]);
    rest = rest.slice(match[0].length);
  }
  return { type, params };
}

/** The decoded content of a text/plain or text/html leaf in UTF-8 or ASCII, line breaks as \n; else null. */
function leafText(part: Part, contentType: ContentType): string | null {
  if (contentType.type !== 'text/plain' && contentType.type !== 'text/html') return null;
  for (const [name, value] of contentType.params) {
    if (name !== 'charset') return null;
    if (!['utf8', 'usascii', 'ascii'].includes(value.toLowerCase().replace(/[^a-z0-9]+/g, ''))) return null;
  }
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let bytes: Buffer | null;
  switch (encoding) {
    case '7bit':
    case '8bit':
    case 'binary':
      bytes = Buffer.from(part.body, 'latin1');
      break;
    case 'quoted-printable':
      bytes = decodeQuotedPrintable(part.body);
      break;
    case 'base64':
      if (!/^[A-Za-z0-9+/=\r\n]*$/.test(part.body)) return null;
      bytes = Buffer.from(part.body, 'base64');
      break;
    default:
      return null;
  }
  return bytes === null ? null : bytes.toString('utf8').replace(/\r?\n/g, '\n');
}

/**
 * Quoted-printable as nodemailer writes it: =XX escapes, soft line breaks (= at the end of a
 * line), CRLF line breaks. Null for anything else (a lone =, whitespace at the end of a line,
 * a bare CR or LF), which libqp would decode by its own rules.
 */
function decodeQuotedPrintable(body: string): Buffer | null {
  const out = Buffer.allocUnsafe(body.length);
  let length = 0;
  const last = body.length;
  for (let i = 0; i < last; i++) {
    const code = body.charCodeAt(i);
    if (code === 0x3d /* = */) {
      if (body.charCodeAt(i + 1) === 0x0d && body.charCodeAt(i + 2) === 0x0a) {
        i += 2;
        continue;
      }
      const hi = hexValue(body.charCodeAt(i + 1));
      const lo = hexValue(body.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return null;
      out[length++] = hi * 16 + lo;
      i += 2;
      continue;
    }
    if (code === 0x0d /* CR */) {
      if (body.charCodeAt(i + 1) !== 0x0a) return null;
      const before = i > 0 ? body.charCodeAt(i - 1) : -1;
      if (before === 0x20 || before === 0x09) return null;
      out[length++] = 0x0d;
      out[length++] = 0x0a;
      i += 1;
      continue;
    }
    if (code === 0x0a /* LF */) return null;
    out[length++] = code;
  }
  // Whitespace at the very end (libqp drops it) is left to libqp as well.
  const end = last > 0 ? body.charCodeAt(last - 1) : -1;
  if (end === 0x20 || end === 0x09) return null;
  return out.subarray(0, length);
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

const ENCODED_WORD = /=\?([\w_\-*]+)\?([QqBb])\?([^?]*)\?=/g;

/**
 * The subject as mailparser decodes it (libmime.decodeWords): plain ASCII as it is, or UTF-8
 * encoded-words of one kind (Q or B), separated by whitespace only, with plain text before and
 * after. Null for anything else (other charsets, encoded-words mixed with text).
 */
function decodeSubject(header: string | undefined): string | null {
  if (header === undefined) return '';
  if (!header.includes('=?')) return header;
  const words = [...header.matchAll(ENCODED_WORD)];
  if (words.length === 0) return null;
  const first = words[0];
  const lastWord = words[words.length - 1];
  const start = first.index ?? 0;
  const end = (lastWord.index ?? 0) + lastWord[0].length;
  const before = header.slice(0, start);
  const after = header.slice(end);
  if (before.includes('=?') || after.includes('=?')) return null;
  const kind = first[2].toUpperCase();
  const payloads: string[] = [];
  let previousEnd = start;
  for (const word of words) {
    const at = word.index ?? 0;
    if (!/^\s*$/.test(header.slice(previousEnd, at))) return null;
    if (!/^utf-?8$/i.test(word[1]) || word[2].toUpperCase() !== kind) return null;
    payloads.push(word[3]);
    previousEnd = at + word[0].length;
  }
  let bytes: Buffer;
  if (kind === 'Q') {
    // libmime joins adjacent Q words of one charset into one, then decodes: _ and whitespace are spaces.
    const joined = payloads.join('');
    if (/\s/.test(joined)) return null;
    const source = Buffer.from(joined.replace(/_/g, ' '), 'latin1');
    const out: number[] = [];
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === 0x3d && i <= source.length - 2) {
        const hi = hexValue(source[i + 1]);
        const lo = hexValue(source[i + 2]);
        if (hi >= 0 && lo >= 0) {
          out.push(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      if (c === 0x3d) return null;
      out.push(c);
    }
    bytes = Buffer.from(out);
  } else {
    // Each word whole base64 (libmime decodes a joined run segment by segment, the same bytes).
    if (payloads.some((p) => p.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(p))) return null;
    bytes = Buffer.concat(payloads.map((p) => Buffer.from(p, 'base64')));
  }
  return before + bytes.toString('utf8') + after;
}

/**
 * The parts of a multipart body: between the delimiter lines (--boundary at the start of a line,
 * the line break before it belonging to the delimiter), up to the closing --boundary--. Null when
 * the structure is not that plain.
 */
function splitMultipart(body: string, boundary: string): string[] | null {
  const delimiter = '--' + boundary;
  const next = (from: number): number => {
    const at = body.indexOf(CRLF + delimiter, from);
    return at < 0 ? -1 : at + 2;
  };
  let at = body.startsWith(delimiter) ? 0 : next(0);
  const parts: string[] = [];
  for (;;) {
    if (at < 0) return null;
    const after = at + delimiter.length;
    if (body.startsWith('--', after)) {
      const tail = body.slice(after + 2);
      if (!/^[ \t]*(\r\n|$)/.test(tail)) return null;
      return parts.length > 0 ? parts : null;
    }
    const lineEnd = body.indexOf(CRLF, after);
    if (lineEnd < 0 || !/^[ \t]*$/.test(body.slice(after, lineEnd))) return null;
    const start = lineEnd + 2;
    const following = next(start - 2);
    if (following < 0) return null;
    parts.push(body.slice(start, following - 2));
    at = following;
  }
}
