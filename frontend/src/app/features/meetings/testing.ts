import type { AgendaItemDto, MeetingDto } from '@rapportflode/api-contract';
import { agendaSectionOf, type AgendaItemKind } from '@rapportflode/domain';

/** An ärende for the specs: numbered as given, § previews from 41. */
export function item(
  id: string,
  kind: AgendaItemKind,
  number: number,
  extra: Partial<AgendaItemDto> = {},
): AgendaItemDto {
  return {
    id,
    number,
    section: agendaSectionOf(kind).key,
    kind,
    title: `Ärende ${id}`,
    publicTitle: null,
    diaryNumber: null,
    presenter: null,
    proposal: [],
    position: number,
    secret: false,
    secrecyReference: null,
    memoCycleId: null,
    paragraphPreview: 40 + number,
    documents: [],
    ...extra,
  };
}

/** A meeting for the specs. */
export function meeting(extra: Partial<MeetingDto> = {}): MeetingDto {
  return {
    id: 'm1',
    committeeId: 'c1',
    committeeName: 'Socialnämnden',
    municipality: 'Gnesta kommun',
    date: '2026-09-24',
    startTime: '13:00',
    place: 'Kommunhuset, sal A',
    chairName: null,
    secretaryName: null,
    state: 'planned',
    version: 4,
    participants: [],
    items: [],
    kallelseDeadline: '2026-09-15',
    kallelseVersions: [],
    changedSinceKallelse: false,
    sendBlockers: [],
    internalPackage: null,
    publicPackage: null,
    scanHits: [],
    publication: null,
    permissions: { manage: true, read: true, member: false },
    mine: null,
    ...extra,
  };
}
