import type { AgendaDocumentDto, MeetingDto, ScanHitDto } from '@rapportflode/api-contract';

export const SCAN_HIT_KIND_LABELS: Readonly<Record<ScanHitDto['kind'], string>> = {
  personnummer: 'Personnummer',
  samordningsnummer: 'Samordningsnummer',
  email: 'E-postadress',
  phone: 'Telefonnummer',
};

/** A piece of a hit's context: the matched text is marked. */
export interface ContextPart {
  text: string;
  match: boolean;
}

/**
 * The context with every occurrence of the match marked (as written; else ignoring case and
 * runs of spaces, as the scanner may have read the PDF's text). A context that does not hold the
 * match at all is one plain part.
 */
export function highlightMatch(context: string, match: string): ContextPart[] {
  if (match.trim() === '') return context ? [{ text: context, match: false }] : [];
  const pattern = new RegExp(
    match
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
    context.includes(match) ? 'g' : 'gi',
  );
  const parts: ContextPart[] = [];
  let last = 0;
  for (const found of context.matchAll(pattern)) {
    const at = found.index ?? 0;
    if (found[0] === '') continue;
    if (at > last) parts.push({ text: context.slice(last, at), match: false });
    parts.push({ text: found[0], match: true });
    last = at + found[0].length;
  }
  if (last < context.length) parts.push({ text: context.slice(last), match: false });
  return parts;
}

export function unresolvedHits(hits: readonly ScanHitDto[]): ScanHitDto[] {
  return hits.filter((hit) => hit.resolution === null);
}

/** What is compiled now has been published already (nothing newer to publish). */
export function publishedAsCompiled(meeting: Pick<MeetingDto, 'publicPackage' | 'publication'>): boolean {
  const { publicPackage, publication } = meeting;
  if (!publicPackage || !publication) return false;
  return (
    publicPackage.kallelseVersion <= publication.kallelseVersion &&
    Date.parse(publicPackage.createdAt) <= Date.parse(publication.publishedAt)
  );
}

/** Why Publicera cannot be pressed yet; empty when it can. */
export function publishBlockers(
  meeting: Pick<MeetingDto, 'publicPackage' | 'scanHits' | 'publication' | 'kallelseVersions'>,
): string[] {
  const blockers: string[] = [];
  if (meeting.kallelseVersions.length === 0) blockers.push('Kallelsen har inte skickats.');
  if (!meeting.publicPackage) blockers.push('Handlingarna är inte sammanställda (fliken Handlingar).');
  const open = unresolvedHits(meeting.scanHits).length;
  if (open === 1) blockers.push('En träff i granskningen är inte hanterad.');
  else if (open > 1) blockers.push(`${open} träffar i granskningen är inte hanterade.`);
  return blockers;
}

/**
 * The handling behind a hit: the public package's file names the handling it was made from
 * (its documentRef is the handling's id); null for a file that is no handling of an ärende (the kallelse).
 */
export function hitDocument(
  meeting: Pick<MeetingDto, 'publicPackage' | 'internalPackage' | 'items'>,
  hit: ScanHitDto,
): AgendaDocumentDto | null {
  const files = [...(meeting.publicPackage?.files ?? []), ...(meeting.internalPackage?.files ?? [])];
  const file = files.find((f) => f.id === hit.fileId);
  if (!file) return null;
  for (const item of meeting.items) {
    const document = item.documents.find((d) => d.id === file.documentRef);
    if (document) return document;
  }
  return null;
}
