import { agendaOrder, groupAgenda, moveAgendaItem, orderedDocuments, stepAgendaItem } from './agenda';
import { item } from './testing';

// Two decisions, one information item, two notifications (delegation and notification share a part).
const items = [
  item('d1', 'decision', 1),
  item('d2', 'decision', 2),
  item('i1', 'information', 3),
  item('n1', 'delegation', 4),
  item('n2', 'notification', 5),
];

describe('groupAgenda', () => {
  it('puts the ärenden in the parts of the föredragningslista, in number order, keeping empty parts', () => {
    const shuffled = [items[4], items[2], items[0], items[3], items[1]];
    const groups = groupAgenda(shuffled);
    expect(groups.map((g) => g.title)).toEqual(['Beslutsärenden', 'Informationsärenden', 'Anmälningar']);
    expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([['d1', 'd2'], ['i1'], ['n1', 'n2']]);
    expect(agendaOrder(groups)).toEqual(['d1', 'd2', 'i1', 'n1', 'n2']);
    expect(groupAgenda([item('i1', 'information', 1)]).map((g) => g.items.length)).toEqual([0, 1, 0]);
  });
});

describe('moveAgendaItem', () => {
  it('moves within the part and numbers the whole list again, § previews with the numbers', () => {
    const moved = moveAgendaItem(items, { itemId: 'n2', toIndex: 0 });
    expect(moved.changed).toBe(true);
    expect(agendaOrder(groupAgenda(moved.items))).toEqual(['d1', 'd2', 'i1', 'n2', 'n1']);
    expect(moved.items.map((i) => [i.id, i.number, i.position, i.paragraphPreview])).toEqual([
      ['d1', 1, 0, 41],
      ['d2', 2, 1, 42],
      ['i1', 3, 0, 43],
      ['n2', 4, 0, 44],
      ['n1', 5, 1, 45],
    ]);
    expect(moved.announcement).toBe('Ärende 5 flyttat till plats 4');
  });

  it('never moves an ärende out of its part: the index is kept inside it', () => {
    const moved = moveAgendaItem(items, { itemId: 'd1', toIndex: 7 });
    expect(agendaOrder(groupAgenda(moved.items))).toEqual(['d2', 'd1', 'i1', 'n1', 'n2']);
    expect(moved.announcement).toBe('Ärende 1 flyttat till plats 2');
  });

  it('says nothing when nothing moved', () => {
    expect(moveAgendaItem(items, { itemId: 'd2', toIndex: 1 })).toEqual({ items, announcement: null, changed: false });
    expect(moveAgendaItem(items, { itemId: 'none', toIndex: 0 }).changed).toBe(false);
  });
});

describe('stepAgendaItem', () => {
  it('moves one place up or down (Flytta upp / Flytta ned)', () => {
    const up = stepAgendaItem(items, 'd2', -1);
    expect(agendaOrder(groupAgenda(up.items))).toEqual(['d2', 'd1', 'i1', 'n1', 'n2']);
    expect(up.announcement).toBe('Ärende 2 flyttat till plats 1');
    const down = stepAgendaItem(items, 'n1', 1);
    expect(down.announcement).toBe('Ärende 4 flyttat till plats 5');
  });

  it('does not move past the ends of its part', () => {
    expect(stepAgendaItem(items, 'd1', -1).changed).toBe(false);
    expect(stepAgendaItem(items, 'd2', 1).changed).toBe(false);
    expect(stepAgendaItem(items, 'i1', -1).changed).toBe(false);
  });
});

describe('orderedDocuments', () => {
  it('lists the handlingar by position', () => {
    const doc = (id: string, position: number) => ({
      id,
      kind: 'attachment' as const,
      title: id,
      position,
      secret: false,
      secrecyReference: null,
      fileName: null,
      pages: null,
      size: null,
      ready: true,
    });
    expect(orderedDocuments({ documents: [doc('b', 1), doc('a', 0)] }).map((d) => d.id)).toEqual(['a', 'b']);
  });
});
