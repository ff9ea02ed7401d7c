import Personnummer from 'personnummer';

/**
 * Personal data in the text of documents about to be published (the kallelse, its bilagor):
 * personnummer, samordningsnummer, e-mail addresses and Swedish phone numbers. The scan finds
 * candidates for a person to look at; it decides nothing about what may be published.
 */

export type PersonalDataKind = 'personnummer' | 'samordningsnummer' | 'email' | 'phone';

export interface ScanPage {
  documentId: string;
  /** 1-based. */
  page: number;
  text: string;
}

export interface ScanHit {
  documentId: string;
  page: number;
  kind: PersonalDataKind;
  /** The text as it stands on the page. */
  match: string;
  /** ~40 chars either side, whitespace collapsed */
  context: string;
  /** Where the match begins in the page's text. */
  offset: number;
}

export interface ScanOptions {
  /**
   * Domains whose addresses are not hits, compared case-insensitively and exactly (a sub-domain
   * is a domain of its own and is listed separately). These are the municipality's own
   * functional domains, e.g. 'nacka.se': an address there belongs to the organisation, not to a
   * private person. A municipal employee's own work address is therefore caught only if its
   * domain is not allowed; the caller decides which domains are allowed.
   */
  allowedEmailDomains?: readonly string[];
  /** Single addresses that are not hits (a nämnd's registrator, a contact address), any case. */
  allowedAddresses?: readonly string[];
  /**
   * Phone numbers that are not hits: the organisation's own published numbers (a växel, the
   * number in "Förhinder anmäls till …"). Compared by their digits, so 0158-275 000 and
   * 0158275000 are the same number.
   */
  allowedPhoneNumbers?: readonly string[];
}

const CONTEXT_CHARS = 40;

/** Hyphens and dashes that stand between the date and the last four digits in print. */
const DASHES = '\\-\\u2010\\u2011\\u2013\\u2212';
const PNR_SEPARATOR = `[${DASHES}+ \\u00a0]`;

/**
 * YYMMDD-XXXX, YYMMDD+XXXX, YYYYMMDD-XXXX, YYYYMMDDXXXX, YYMMDDXXXX (a space for the dash too),
 * not part of a longer run of digits (an account number) nor of a decimal number or diarienummer.
 */
const PNR_CANDIDATE = new RegExp(`(?<![\\d.,/])(?:\\d{8}|\\d{6})${PNR_SEPARATOR}?\\d{4}(?![\\d]|[.,]\\d)`, 'g');

/**
 * Separators within a phone number: a space, a non-breaking space, a hyphen, an en dash, or a
 * line break (the text layer of a PDF breaks a number where the line was wrapped).
 */
const PHONE_SEPARATOR = '(?:[ \\u00a0\\-\\u2013]|\\r?\\n)';

/**
 * A Swedish phone number: +46 / 0046 and the area code without its 0 (`+46 70 …`, `+46 (0)8 …`),
 * or the area code with its 0, in parentheses or not (`070-…`, `(08) …`); then digit groups
 * with one separator between them. The number of digits is checked afterwards. Not after a
 * digit and a space (or a line break): `50 068 44 856` is an amount whose groups of thousands
 * begin with 0.
 */
const PHONE_CANDIDATE = new RegExp(
  `(?<![\\d\\w${DASHES}/.,+])(?<!\\d\\s)` +
    `(?:(?:\\+|00)46${PHONE_SEPARATOR}?(?:\\(0\\)${PHONE_SEPARATOR}?)?[1-9]\\d*` +
    `|\\(0[1-9]\\d{0,2}\\)${PHONE_SEPARATOR}?\\d+` +
    `|0[1-9]\\d*)` +
    `(?:${PHONE_SEPARATOR}\\d+)*`,
  'g',
);

/**
 * Shapes that are not phone numbers although they may begin with a 0: a date written
 * 08-12-2026, and the shapes of a personnummer (010203-1234, 20010203 1234) whose check digit
 * is wrong: a number written like a personnummer is not taken for a phone number.
 */
const NOT_A_PHONE = /^(?:\d{2}[-\u2013]\d{2}[-\u2013]\d{4}|\d{6}[-\u2013 \u00a0]\d{4}|\d{8}(?:[-\u2013 \u00a0]?\d{4}))$/;

/**
 * E-mail addresses: letters (å ä ö too), digits and . _ % + ' - before the @, a domain of
 * labels and a top-level domain of at least two letters.
 */
const EMAIL_CANDIDATE = /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}-])/gu;

const PNR_OPTIONS = { allowCoordinationNumber: true, allowInterimNumber: false };

/**
 * A personnummer or samordningsnummer candidate, checked by the `personnummer` package: the
 * Luhn digit over the ten-digit form and a real date (day + 60 for a samordningsnummer). The
 * package takes no space for a separator, so one becomes a hyphen first; a date of birth in the
 * future is not one either.
 */
function identityKind(candidate: string, now: Date): 'personnummer' | 'samordningsnummer' | null {
  const normalised = candidate.replace(/[\u2010\u2011\u2013\u2212 \u00a0]/g, '-');
  const digits = normalised.replace(/\D/g, '');
  if (digits.length === 12 && !/^(?:18|19|20)/.test(digits)) return null;
  let parsed: Personnummer;
  try {
    parsed = Personnummer.parse(normalised, PNR_OPTIONS);
  } catch {
    return null;
  }
  if (parsed.getDate().getTime() > now.getTime()) return null;
  return parsed.isCoordinationNumber() ? 'samordningsnummer' : 'personnummer';
}

/** The digits of a phone candidate that make a Swedish number: 8–10 with the 0 of the area code. */
function isPhoneNumber(candidate: string): boolean {
  if (NOT_A_PHONE.test(candidate)) return false;
  let national = candidate.replace(/\(0\)/, '').replace(/\D/g, '');
  if (/^(?:\+|00)46/.test(candidate)) national = `0${national.replace(/^(?:00)?46/, '')}`;
  if (!/^0[1-9]/.test(national)) return false;
  return national.length >= 8 && national.length <= 10;
}

/**
 * The longest phone number at the start of a candidate: a greedy match may have run on into
 * the next number of a table row (`08-123 456 78 24 800`), so trailing groups are dropped until
 * the digits make a number. Returns the length of the number, or 0.
 */
function phoneLength(candidate: string): number {
  let text = candidate;
  for (;;) {
    if (isPhoneNumber(text)) return text.length;
    const cut = text.search(new RegExp(`${PHONE_SEPARATOR}\\d+$`));
    if (cut <= 0) return 0;
    text = text.slice(0, cut);
  }
}

function contextOf(text: string, start: number, end: number): string {
  return text
    .slice(Math.max(0, start - CONTEXT_CHARS), Math.min(text.length, end + CONTEXT_CHARS))
    .replace(/\s+/g, ' ')
    .trim();
}

interface Span {
  start: number;
  end: number;
}

function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && end > span.start);
}

/** A phone number's digits, +46 written as the leading 0: the form allowed numbers are compared in. */
export function phoneDigits(number: string): string {
  const digits = number.replace(/\D/g, '');
  return number.trim().startsWith('+46') ? `0${digits.slice(2)}` : digits;
}

/** The phone numbers and e-mail addresses in a text the organisation publishes itself (a contact line). */
export function contactDetailsIn(text: string): { phones: string[]; addresses: string[] } {
  const hits = scanPersonalData([{ documentId: 'contact', page: 1, text }]);
  return { phones: hits.filter((h) => h.kind === 'phone').map((h) => h.match), addresses: hits.filter((h) => h.kind === 'email').map((h) => h.match) };
}

/**
 * Finds personal data in the pages' text. The hits come in the order of the pages given and, on
 * a page, in the order of the text; one stretch of text is one hit (a personnummer is not also
 * a phone number, nor a number inside an e-mail address a phone number).
 */
export function scanPersonalData(pages: readonly ScanPage[], options: ScanOptions = {}): ScanHit[] {
  const allowedDomains = new Set((options.allowedEmailDomains ?? []).map((domain) => domain.toLowerCase().replace(/^@/, '')));
  const allowedAddresses = new Set((options.allowedAddresses ?? []).map((address) => address.toLowerCase()));
  const allowedPhones = new Set((options.allowedPhoneNumbers ?? []).map(phoneDigits).filter(Boolean));
  const now = new Date();
  const hits: ScanHit[] = [];

  for (const { documentId, page, text } of pages) {
    const pageHits: ScanHit[] = [];
    const taken: Span[] = [];
    const add = (kind: PersonalDataKind, start: number, end: number) => {
      taken.push({ start, end });
      pageHits.push({ documentId, page, kind, match: text.slice(start, end), context: contextOf(text, start, end), offset: start });
    };

    // Every address takes its stretch of text, allowed or not: its digits are no phone number.
    EMAIL_CANDIDATE.lastIndex = text.includes('@') ? 0 : text.length;
    for (let m = EMAIL_CANDIDATE.exec(text); m; m = EMAIL_CANDIDATE.exec(text)) {
      const address = m[0].replace(/^[.'-]+/, '');
      const start = m.index + (m[0].length - address.length);
      const end = start + address.length;
      const lower = address.toLowerCase();
      const domain = lower.slice(lower.lastIndexOf('@') + 1);
      if (allowedDomains.has(domain) || allowedAddresses.has(lower)) taken.push({ start, end });
      else add('email', start, end);
    }

    PNR_CANDIDATE.lastIndex = 0;
    for (let m = PNR_CANDIDATE.exec(text); m; m = PNR_CANDIDATE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(taken, start, end)) continue;
      const kind = identityKind(m[0], now);
      if (kind) add(kind, start, end);
    }

    PHONE_CANDIDATE.lastIndex = 0;
    for (let m = PHONE_CANDIDATE.exec(text); m; m = PHONE_CANDIDATE.exec(text)) {
      const length = phoneLength(m[0]);
      if (!length) continue;
      const start = m.index;
      const end = start + length;
      // What follows the number must not continue it (a decimal, a diarienummer, a date).
      if (/^[\d.,/]\d|^\d/.test(text.slice(end, end + 2))) continue;
      if (overlaps(taken, start, end)) continue;
      if (allowedPhones.has(phoneDigits(text.slice(start, end)))) {
        taken.push({ start, end });
        PHONE_CANDIDATE.lastIndex = end;
        continue;
      }
      add('phone', start, end);
      PHONE_CANDIDATE.lastIndex = end;
    }

    pageHits.sort((a, b) => a.offset - b.offset);
    hits.push(...pageHits);
  }
  return hits;
}
