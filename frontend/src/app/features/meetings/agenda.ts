import type { AgendaDocumentDto, AgendaItemDto } from '@rapportflode/api-contract';
import { AGENDA_SECTIONS, type AgendaSectionKey } from '@rapportflode/domain';

/** One part of the föredragningslista with its ärenden in order (an empty part is still shown: "Inga ärenden"). */
export interface AgendaGroup {
  key: AgendaSectionKey;
  title: string;
  items: AgendaItemDto[];
}

/** The ärenden by AGENDA_SECTIONS, each part in the order of the items' numbers. */
export function groupAgenda(items: readonly AgendaItemDto[]): AgendaGroup[] {
  const sorted = [...items].sort((a, b) => a.number - b.number);
  return AGENDA_SECTIONS.map((section) => ({
    key: section.key,
    title: section.title,
    items: sorted.filter((item) => item.section === section.key),
  }));
}

/** Every ärende's id, in the list's order: the body of MEETINGS_API.order. */
export function agendaOrder(groups: readonly AgendaGroup[]): string[] {
  return groups.flatMap((group) => group.items.map((item) => item.id));
}

/** A move inside one part of the list: from the ärende's place in its part to another (0-based, within the part). */
export interface AgendaMove {
  itemId: string;
  toIndex: number;
}

/** The outcome of a move: the items renumbered in their new order, and what to tell a screen reader. */
export interface MovedAgenda {
  items: AgendaItemDto[];
  /** "Ärende 3 flyttat till plats 2"; null when nothing moved. */
  announcement: string | null;
  changed: boolean;
}

/**
 * Moves an ärende within its part of the list (its kind decides the part, so it never leaves it),
 * and numbers the whole list again: 1…n across the parts, positions within each part, the
 * previewed § numbers following the numbers (as the server will give them).
 */
export function moveAgendaItem(items: readonly AgendaItemDto[], move: AgendaMove): MovedAgenda {
  const groups = groupAgenda(items);
  const group = groups.find((g) => g.items.some((item) => item.id === move.itemId));
  if (!group) return { items: [...items], announcement: null, changed: false };
  const from = group.items.findIndex((item) => item.id === move.itemId);
  const to = Math.max(0, Math.min(group.items.length - 1, move.toIndex));
  if (from === to) return { items: [...items], announcement: null, changed: false };
  const moved = group.items[from];
  const reordered = [...group.items];
  reordered.splice(from, 1);
  reordered.splice(to, 0, moved);
  group.items = reordered;
  const renumbered = renumber(groups);
  const now = renumbered.find((item) => item.id === move.itemId);
  return {
    items: renumbered,
    announcement: now ? `Ärende ${moved.number} flyttat till plats ${now.number}` : null,
    changed: true,
  };
}

/** One step up (-1) or down (+1) within the ärende's part. */
export function stepAgendaItem(items: readonly AgendaItemDto[], itemId: string, by: -1 | 1): MovedAgenda {
  const group = groupAgenda(items).find((g) => g.items.some((item) => item.id === itemId));
  const index = group ? group.items.findIndex((item) => item.id === itemId) : -1;
  if (!group || index + by < 0 || index + by >= group.items.length)
    return { items: [...items], announcement: null, changed: false };
  return moveAgendaItem(items, { itemId, toIndex: index + by });
}

/** Numbers 1…n across the parts, positions 0… within each, § previews moved along with the numbers. */
export function renumber(groups: readonly AgendaGroup[]): AgendaItemDto[] {
  const all = groups.flatMap((group) => group.items);
  const first = all.reduce<AgendaItemDto | null>(
    (min, item) => (min === null || item.number < min.number ? item : min),
    null,
  );
  const offset = first ? first.paragraphPreview - first.number : 0;
  let number = 0;
  return groups.flatMap((group) =>
    group.items.map((item, position) => {
      number += 1;
      return { ...item, number, position, paragraphPreview: offset + number };
    }),
  );
}

/** The handlingar of an ärende in their order. */
export function orderedDocuments(item: Pick<AgendaItemDto, 'documents'>): AgendaDocumentDto[] {
  return [...item.documents].sort((a, b) => a.position - b.position);
}

export const DOCUMENT_KIND_LABELS: Readonly<Record<AgendaDocumentDto['kind'], string>> = {
  memo: 'Tjänsteskrivelse',
  report: 'Rapport',
  attachment: 'Bilaga',
};
