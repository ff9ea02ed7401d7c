/**
 * The kallelse (notice of a nämnd meeting, with its föredragningslista) as a DocumentModel of kind
 * 'kallelse'. Every renderer shows it like a memo: a header block instead of a title page. In
 * order: the header facts (Sammanträde, Diarienummer, Version), the title "Kallelse", a rättelse
 * notice when the version corrects an earlier one, the meeting's facts (Nämnd, Tid, Plats,
 * Ordförande, Sekreterare), the föredragningslista grouped by AGENDA_SECTIONS with each ärende
 * numbered as numberAgenda gave it, where absences are reported (a framed note, apart from the
 * last ärende), and the signatures.
 *
 * The caller decides what the audience may see: in the public version a secret ärende already
 * carries its public title and its secret handlingar are already replaced by a placeholder; here
 * such an ärende is reduced to its title and its secrecy reference.
 */
import { AGENDA_SECTIONS, type AgendaItemKind, formatDate, meetingTimeInWords, monthName } from '@rapportflode/domain';
import type { Block, DocumentModel, DocumentStatus, FactsBlock, Inline, ListBlock } from './model';

export interface KallelseItem {
  /** 1…n, from numberAgenda. */
  number: number;
  kind: AgendaItemKind;
  /** The public title when the ärende is secret and the document is the public version. */
  title: string;
  diaryNumber: string | null;
  /** Föredragande: 'Anna Berg, förvaltningschef'. */
  presenter: string | null;
  /** Förslag till beslut, as numbered points (may be empty for information items). */
  proposal: readonly string[];
  /** The handlingar's titles in order; secret ones already replaced by the caller. */
  documents: readonly string[];
  /** A secret ärende: marked "Sekretess enligt …"; in the public version only its title is shown. */
  secret: boolean;
  /** '26 kap. 1 § OSL' */
  secrecyReference: string | null;
  /** A previewed § number, shown as '§ 123 (preliminärt)' only when given. */
  paragraphPreview?: number | null;
}

export interface KallelseInput {
  /** 'Socialnämnden' */
  committee: string;
  /** 'Nacka kommun' */
  municipality: string;
  /** ISO date, YYYY-MM-DD. */
  meetingDate: string;
  /** 'HH:MM' */
  startTime: string;
  place: string;
  /** The ordförande's name. */
  chair: string | null;
  /** The sekreterare's name. */
  secretary: string | null;
  /** The text after 'Förhinder anmäls till ': 'Maria Ek, 08-718 80 00, maria.ek@nacka.se'. */
  absenceContact: string;
  diaryNumber?: string | null;
  /** The kallelse's version: 1, 2 … */
  version: number;
  /** A rättelse: why this version replaces the earlier one, and when (ISO date). */
  correction: { reason: string; date: string } | null;
  audience: 'internal' | 'public';
  /** Draft (not yet sent) or final (the sent version). */
  status: DocumentStatus;
}

/** `2026-12-15` → `15 december 2026`. */
export function dateInWords(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? monthName(isoDate) : '';
  if (!match || !month) throw new RangeError(`Not an ISO date: ${isoDate}`);
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** 'Rättelse (version 2, 2026-12-08): <reason>' */
export function correctionLine(version: number, correction: { reason: string; date: string }): string {
  return `Rättelse (version ${version}, ${formatDate(correction.date)}): ${correction.reason.trim()}`;
}

/** 'Sekretess enligt 26 kap. 1 § OSL'; 'Sekretess' when the reference is missing. */
export function secrecyLine(reference: string | null): string {
  const trimmed = reference?.trim();
  return trimmed ? `Sekretess enligt ${trimmed}` : 'Sekretess';
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** The text with each e-mail address as a mailto link. */
function withMailLinks(value: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of value.matchAll(EMAIL)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ text: value.slice(last, at) });
    out.push({ text: match[0], href: `mailto:${match[0]}` });
    last = at + match[0].length;
  }
  if (last < value.length) out.push({ text: value.slice(last) });
  return out;
}

function label(value: string): Block {
  return { type: 'paragraph', content: [{ text: value, marks: ['bold'] }] };
}

function list(items: readonly string[], ordered: boolean): ListBlock {
  return { type: 'list', ordered, items: items.map((text) => ({ content: [{ text }] })) };
}

function itemBlocks(item: KallelseItem, audience: KallelseInput['audience']): Block[] {
  const out: Block[] = [{ type: 'heading', level: 3, text: `${item.number}. ${item.title}`, id: `arende-${item.number}` }];
  const preview = typeof item.paragraphPreview === 'number' ? `§ ${item.paragraphPreview} (preliminärt)` : null;
  if (item.secret) out.push({ type: 'paragraph', content: [{ text: secrecyLine(item.secrecyReference), marks: ['bold'] }] });
  if (item.secret && audience === 'public') {
    if (preview) out.push({ type: 'facts', rows: [{ label: 'Paragraf', value: preview }] });
    return out;
  }
  const rows: FactsBlock['rows'] = [
    ...(preview ? [{ label: 'Paragraf', value: preview }] : []),
    ...(item.diaryNumber ? [{ label: 'Diarienummer', value: item.diaryNumber }] : []),
    ...(item.presenter ? [{ label: 'Föredragande', value: item.presenter }] : []),
  ];
  if (rows.length) out.push({ type: 'facts', rows });
  if (item.proposal.length) {
    out.push(label('Förslag till beslut'), list(item.proposal, true));
  } else if (item.kind === 'decision') {
    out.push(label('Förslag till beslut'), { type: 'paragraph', content: [{ text: 'Förslag till beslut saknas.' }], style: 'note' });
  }
  if (item.documents.length) out.push(label('Handlingar'), list(item.documents, false));
  return out;
}

/** The föredragningslista: a heading per part of AGENDA_SECTIONS that has ärenden, the ärenden by number. */
function agendaBlocks(items: readonly KallelseItem[], audience: KallelseInput['audience']): Block[] {
  const out: Block[] = [{ type: 'heading', level: 1, text: 'Föredragningslista', id: 'foredragningslista' }];
  for (const section of AGENDA_SECTIONS) {
    const kinds: readonly AgendaItemKind[] = section.kinds;
    const inSection = items.filter((item) => kinds.includes(item.kind)).sort((a, b) => a.number - b.number);
    if (!inSection.length) continue;
    out.push({ type: 'heading', level: 2, text: section.title, id: `avsnitt-${section.key}` });
    for (const item of inSection) out.push(...itemBlocks(item, audience));
  }
  if (out.length === 1) out.push({ type: 'paragraph', content: [{ text: 'Inga ärenden är anmälda ännu.' }], style: 'note' });
  return out;
}

/** The kallelse as the one document model every output is rendered from. */
export function kallelseModel(input: KallelseInput, items: readonly KallelseItem[]): DocumentModel {
  const day = dateInWords(input.meetingDate);
  const when = meetingTimeInWords(input.meetingDate, input.startTime);
  const diaryNumber = input.diaryNumber?.trim() || null;
  const header: FactsBlock = {
    type: 'facts',
    rows: [
      { label: 'Sammanträde', value: input.meetingDate },
      ...(diaryNumber ? [{ label: 'Diarienummer', value: diaryNumber }] : []),
      ...(input.version > 1 ? [{ label: 'Version', value: String(input.version) }] : []),
    ],
  };
  const body: Block[] = [header, { type: 'heading', level: 1, text: 'Kallelse', id: 'kallelse' }];
  if (input.correction) {
    body.push({
      type: 'notice',
      tone: 'warning',
      title: correctionLine(input.version, input.correction),
      content: [{ type: 'paragraph', content: [{ text: 'Den här versionen ersätter tidigare utskickad kallelse.' }] }],
    });
  }
  body.push({
    type: 'facts',
    rows: [
      { label: 'Nämnd', value: input.committee },
      { label: 'Tid', value: when },
      { label: 'Plats', value: input.place },
      ...(input.chair ? [{ label: 'Ordförande', value: input.chair }] : []),
      ...(input.secretary ? [{ label: 'Sekreterare', value: input.secretary }] : []),
    ],
  });
  body.push(...agendaBlocks(items, input.audience));
  const contact = input.absenceContact.trim();
  if (contact) {
    const end = /[.!?]$/.test(contact) ? '' : '.';
    body.push({
      type: 'notice',
      tone: 'info',
      title: 'Förhinder',
      content: [{ type: 'paragraph', content: [{ text: 'Förhinder anmäls till ' }, ...withMailLinks(contact), ...(end ? [{ text: end }] : [])] }],
    });
  }
  const people = [
    ...(input.chair ? [{ name: input.chair, title: 'Ordförande' }] : []),
    ...(input.secretary ? [{ name: input.secretary, title: 'Sekreterare' }] : []),
  ];
  if (people.length) body.push({ type: 'signatures', people });

  const title = `Kallelse ${day}`;
  const version = input.version > 1 ? `, version ${input.version}` : '';
  return {
    meta: {
      kind: 'kallelse',
      committee: input.committee,
      municipality: input.municipality,
      title,
      diaryNumber,
      dates: [{ label: 'Sammanträde', date: input.meetingDate }],
      language: 'sv-SE',
      runningHeader: `${input.committee}, ${title}${version}`,
      status: input.status,
    },
    titlePage: false,
    tocDepth: 0,
    body,
    appendices: [],
  };
}
