import { LocalDrafts, sameContent } from './local-draft';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('LocalDrafts', () => {
  it('keeps the typed text per task for the person who typed it', () => {
    const drafts = new LocalDrafts<{ text: string }>('task', memoryStorage());
    expect(drafts.write('t1', 'u1', 4, { text: 'Hej' }, new Date('2026-03-02T09:15:00Z'))).toBe(true);
    expect(drafts.read('t1', 'u1')).toEqual({ userId: 'u1', version: 4, content: { text: 'Hej' }, at: '2026-03-02T09:15:00.000Z' });
    expect(drafts.read('t1', 'u2')).toBeNull();
    expect(drafts.read('t2', 'u1')).toBeNull();
    expect(drafts.read('t1', undefined)).toBeNull();
  });

  it('is cleared only when the server accepted that very text; typed on, it stays over the new version', () => {
    const drafts = new LocalDrafts<{ text: string }>('task', memoryStorage());
    drafts.write('t1', 'u1', 4, { text: 'Hej då' });
    drafts.accepted('t1', 'u1', 5, { text: 'Hej' });
    expect(drafts.read('t1', 'u1')).toMatchObject({ version: 5, content: { text: 'Hej då' } });
    drafts.accepted('t1', 'u1', 6, { text: 'Hej då' });
    expect(drafts.read('t1', 'u1')).toBeNull();
  });

  it('tasks and memos do not share copies, and a broken entry reads as none', () => {
    const store = memoryStorage();
    new LocalDrafts<string>('task', store).write('x', 'u1', 1, 'uppgift');
    expect(new LocalDrafts<string>('memo', store).read('x', 'u1')).toBeNull();
    store.setItem('rf-draft:memo:x', '{not json');
    expect(new LocalDrafts<string>('memo', store).read('x', 'u1')).toBeNull();
  });

  it('without storage it keeps nothing and says so', () => {
    const drafts = new LocalDrafts<string>('task', null);
    expect(drafts.write('t1', 'u1', 1, 'x')).toBe(false);
    expect(drafts.read('t1', 'u1')).toBeNull();
  });
});

describe('sameContent', () => {
  it('ignores the order of keys, not the text', () => {
    expect(sameContent({ type: 'doc', blocks: [{ a: 1, b: 'x' }] }, { blocks: [{ b: 'x', a: 1 }], type: 'doc' })).toBe(true);
    expect(sameContent({ type: 'doc', blocks: [{ a: 1, b: 'x' }] }, { type: 'doc', blocks: [{ a: 1, b: 'y' }] })).toBe(false);
    expect(sameContent([1, 2], [2, 1])).toBe(false);
  });
});
