/**
 * What a person has typed and the server does not have yet, kept in this browser (localStorage)
 * per thing edited (a task, a memo) until the server has accepted that text: a session that ends,
 * a lost connection or a closed tab loses nothing. Only the person who typed it is offered it back.
 */
export interface LocalDraft<T> {
  /** Whose text it is. */
  userId: string;
  /** The stored version the text was typed over (the next save starts from it). */
  version: number;
  content: T;
  /** When it was last typed, ISO. */
  at: string;
}

/** How soon after a keystroke the copy in the browser is written. */
export const LOCAL_DRAFT_DELAY_MS = 300;

export type DraftKind = 'task' | 'memo';

const PREFIX = 'rf-draft';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function key(kind: DraftKind, id: string): string {
  return `${PREFIX}:${kind}:${id}`;
}

/** JSON with the keys of every object sorted: the same content gives the same text whichever side built it. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** The same content, whatever the order of its keys (the server may return them in another order). */
export function sameContent(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

export class LocalDrafts<T> {
  constructor(
    private readonly kind: DraftKind,
    private readonly store: Storage | null = storage(),
  ) {}

  /** The copy of `id` typed by `userId`, if any. */
  read(id: string, userId: string | undefined): LocalDraft<T> | null {
    if (!this.store || !userId) return null;
    try {
      const raw = this.store.getItem(key(this.kind, id));
      if (!raw) return null;
      const draft = JSON.parse(raw) as LocalDraft<T>;
      return draft && draft.userId === userId && typeof draft.version === 'number' && typeof draft.at === 'string' ? draft : null;
    } catch {
      return null;
    }
  }

  /** Keeps what is typed now (over whatever was kept). False when the browser would not store it. */
  write(id: string, userId: string | undefined, version: number, content: T, at = new Date()): boolean {
    if (!this.store || !userId) return false;
    const draft: LocalDraft<T> = { userId, version, content, at: at.toISOString() };
    try {
      this.store.setItem(key(this.kind, id), JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The server has accepted `content` as `version`: the copy goes when it holds that very text,
   * else (typed on during the save) it stays, now over the new version.
   */
  accepted(id: string, userId: string | undefined, version: number, content: T): void {
    const draft = this.read(id, userId);
    if (!draft) return;
    if (sameContent(draft.content, content)) this.clear(id);
    else this.write(id, userId, version, draft.content, new Date(draft.at));
  }

  clear(id: string): void {
    try {
      this.store?.removeItem(key(this.kind, id));
    } catch {
      // Nothing to do: the copy is offered again and can be thrown away then.
    }
  }
}
