/**
 * Three-way merge of rich text after a stale save: `base` is the version the writer started from
 * (loaded or last saved in the page), `mine` what the editor holds, `theirs` the stored version
 * the server answered the 409 with. Blocks are compared by what they say (paragraph anchors and
 * how the editor splits runs do not count): a region only one side changed takes that change,
 * blocks nobody changed come once, blocks both inserted at the same place come both (common ones
 * once), and a region both changed differently is a conflict for the writer to choose.
 */
import type { Block, RichTextDocument, TextRun } from './rich-text';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonicalRuns(runs: readonly TextRun[]): Json {
  const out: Array<{ text: string; marks: string }> = [];
  for (const run of runs) {
    const marks = JSON.stringify((run.marks ?? []).map((m) => (m.type === 'link' ? `link:${m.href}` : m.type === 'footnote' ? `footnote:${m.note}` : m.type)).sort());
    const last = out[out.length - 1];
    if (last && last.marks === marks) last.text += run.text;
    else if (run.text !== '') out.push({ text: run.text, marks });
  }
  return out.filter((r) => r.text !== '').map((r) => [r.text, r.marks]);
}

function canonicalBlock(block: Block): Json {
  switch (block.type) {
    case 'heading':
      return ['h', block.level, canonicalRuns(block.content)];
    case 'paragraph':
      return ['p', canonicalRuns(block.content)];
    case 'bullet_list':
    case 'ordered_list':
      return [block.type, block.items.map((item) => item.map(canonicalBlock))];
    case 'table':
      return ['table', block.rows.map((row) => [row.header === true, row.cells.map(canonicalRuns)])];
  }
}

/** What a block says, as a key: equal keys are the same block whatever its anchor id or run split. */
export function blockIdentity(block: Block): string {
  return JSON.stringify(canonicalBlock(block));
}

/** For each a[i], the index in b it is matched with by a longest common subsequence, or -1. */
function lcsMatch(a: readonly string[], b: readonly string[]): number[] {
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const match = new Array<number>(a.length).fill(-1);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      match[i] = j;
      i += 1;
      j += 1;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) i += 1;
    else j += 1;
  }
  return match;
}

/**
 * Two lists of blocks as one: common blocks once in order, where they differ the first list's
 * blocks before the second's. Nothing of either is lost.
 */
export function unionBlocks(first: readonly Block[], second: readonly Block[]): Block[] {
  const keyA = first.map(blockIdentity);
  const keyB = second.map(blockIdentity);
  const match = lcsMatch(keyA, keyB);
  const merged: Block[] = [];
  let j = 0;
  for (let i = 0; i < first.length; i += 1) {
    if (match[i] < 0) {
      merged.push(first[i]);
      continue;
    }
    merged.push(...second.slice(j, match[i]), first[i]);
    j = match[i] + 1;
  }
  merged.push(...second.slice(j));
  return merged;
}

export type TextChoice = 'mine' | 'theirs' | 'both';

/** A region of the document both sides changed differently since the base. */
export interface TextConflict {
  /** Its number among the merge's conflicts, from 0. */
  index: number;
  base: Block[];
  mine: Block[];
  theirs: Block[];
}

export type MergeChunk = { kind: 'same'; blocks: Block[] } | { kind: 'conflict'; conflict: TextConflict };

export interface DocumentMerge3 {
  chunks: MergeChunk[];
  conflicts: TextConflict[];
}

/** One side's change of a base region: base blocks [start, end) replaced by `blocks` (start = end: an insertion). */
interface Hunk {
  start: number;
  end: number;
  blocks: Block[];
}

function hunks(baseKeys: readonly string[], keys: readonly string[], blocks: readonly Block[]): Hunk[] {
  const match = lcsMatch(baseKeys, keys);
  const out: Hunk[] = [];
  let j = 0;
  let start = 0;
  for (let i = 0; i <= baseKeys.length; i += 1) {
    if (i < baseKeys.length && match[i] < 0) continue;
    const upTo = i < baseKeys.length ? match[i] : blocks.length;
    if (start < i || j < upTo) out.push({ start, end: i, blocks: blocks.slice(j, upTo) });
    j = upTo + 1;
    start = i + 1;
  }
  return out;
}

/**
 * Both sides' changes of one region applied together when they touch different base blocks (an
 * insertion next to a change is apart; two insertions at one place come both); null when they overlap.
 */
function applyApart(base: readonly Block[], mine: Hunk[], theirs: Hunk[]): Block[] | null {
  const insertion = (h: Hunk) => h.start === h.end;
  for (const x of mine) {
    for (const y of theirs) {
      if (insertion(x) && insertion(y)) continue;
      if (insertion(x) ? y.start < x.start && x.start < y.end : insertion(y) ? x.start < y.start && y.start < x.end : x.start < y.end && y.start < x.end) {
        return null;
      }
    }
  }
  const out: Block[] = [];
  let i = 0;
  const all = [...theirs.map((h) => ({ h, side: 1 })), ...mine.map((h) => ({ h, side: 2 }))].sort(
    (p, q) => p.h.start - q.h.start || Number(insertion(q.h)) - Number(insertion(p.h)) || p.side - q.side,
  );
  for (let n = 0; n < all.length; n += 1) {
    const { h } = all[n];
    out.push(...base.slice(i, h.start));
    const next = all[n + 1];
    if (insertion(h) && next && insertion(next.h) && next.h.start === h.start) {
      out.push(...unionBlocks(h.blocks, next.h.blocks));
      n += 1;
    } else out.push(...h.blocks);
    i = Math.max(i, h.end);
  }
  out.push(...base.slice(i));
  return out;
}

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

/** The three-way merge of two documents from their common base, conflicts left for a choice. */
export function merge3Documents(base: RichTextDocument, mine: RichTextDocument, theirs: RichTextDocument): DocumentMerge3 {
  const chunks: MergeChunk[] = [];
  const conflicts: TextConflict[] = [];
  const take = (blocks: Block[]) => {
    if (blocks.length === 0) return;
    const last = chunks[chunks.length - 1];
    if (last?.kind === 'same') last.blocks.push(...blocks);
    else chunks.push({ kind: 'same', blocks: [...blocks] });
  };
  const region = (o: Block[], a: Block[], b: Block[]) => {
    const [ko, ka, kb] = [o.map(blockIdentity), a.map(blockIdentity), b.map(blockIdentity)];
    if (sameKeys(ka, ko)) return take(b);
    if (sameKeys(kb, ko) || sameKeys(ka, kb)) return take(sameKeys(ka, kb) ? b : a);
    if (o.length === 0) return take(unionBlocks(b, a));
    const apart = applyApart(o, hunks(ko, ka, a), hunks(ko, kb, b));
    if (apart) return take(apart);
    if (o.length > 1 && o.length === a.length && o.length === b.length) {
      // The same number of blocks on every side: block by block, so edits of different paragraphs meet no conflict.
      for (let i = 0; i < o.length; i += 1) region([o[i]], [a[i]], [b[i]]);
      return;
    }
    const conflict: TextConflict = { index: conflicts.length, base: o, mine: a, theirs: b };
    conflicts.push(conflict);
    chunks.push({ kind: 'conflict', conflict });
  };

  const o = base.content;
  const a = mine.content;
  const b = theirs.content;
  const ko = o.map(blockIdentity);
  const matchA = lcsMatch(ko, a.map(blockIdentity));
  const matchB = lcsMatch(ko, b.map(blockIdentity));
  let i = 0;
  let j = 0;
  let k = 0;
  for (let s = 0; s <= o.length; s += 1) {
    const end = s === o.length;
    if (!end && (matchA[s] < 0 || matchB[s] < 0)) continue;
    const ja = end ? a.length : matchA[s];
    const kb = end ? b.length : matchB[s];
    region(o.slice(i, s), a.slice(j, ja), b.slice(k, kb));
    // A block nobody changed: the stored one (its anchor is the one comments point at).
    if (!end) take([b[kb]]);
    i = s + 1;
    j = ja + 1;
    k = kb + 1;
  }
  return { chunks, conflicts };
}

/**
 * The merged document with each conflict resolved by `choices[index]`, else by `fallback`
 * ('both': the stored blocks, then the writer's, common ones once). Anchor ids stay unique:
 * a later block with an id already used loses it.
 */
export function resolveDocumentMerge(
  merge: DocumentMerge3,
  choices: Readonly<Record<number, TextChoice>> = {},
  fallback: TextChoice = 'both',
): RichTextDocument {
  const blocks: Block[] = [];
  for (const chunk of merge.chunks) {
    if (chunk.kind === 'same') {
      blocks.push(...chunk.blocks);
      continue;
    }
    const { conflict } = chunk;
    const choice = choices[conflict.index] ?? fallback;
    blocks.push(...(choice === 'mine' ? conflict.mine : choice === 'theirs' ? conflict.theirs : unionBlocks(conflict.theirs, conflict.mine)));
  }
  const used = new Set<string>();
  return { type: 'doc', version: 1, content: blocks.map((block) => uniqueIds(block, used)) };
}

/** Shorthand: the three-way merge resolved (conflicts by `fallback`). */
export function mergeDocuments3(
  base: RichTextDocument,
  mine: RichTextDocument,
  theirs: RichTextDocument,
  fallback: TextChoice = 'both',
): RichTextDocument {
  return resolveDocumentMerge(merge3Documents(base, mine, theirs), {}, fallback);
}

function uniqueIds(block: Block, used: Set<string>): Block {
  if (block.type === 'paragraph' && block.id) {
    if (used.has(block.id)) {
      const { id: _dropped, ...rest } = block;
      return rest;
    }
    used.add(block.id);
    return block;
  }
  if (block.type === 'bullet_list' || block.type === 'ordered_list') {
    return { ...block, items: block.items.map((item) => item.map((b) => uniqueIds(b, used))) };
  }
  return block;
}

/**
 * A three-way merge of two lists of lines (e.g. the memo's proposals): the same rules as for
 * blocks. Null when both changed the same lines differently (the caller then asks).
 */
export function merge3Lines(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] | null {
  const asDoc = (lines: readonly string[]): RichTextDocument => ({
    type: 'doc',
    version: 1,
    content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  });
  const merge = merge3Documents(asDoc(base), asDoc(mine), asDoc(theirs));
  if (merge.conflicts.length > 0) return null;
  return resolveDocumentMerge(merge).content.map((block) =>
    block.type === 'paragraph' ? block.content.map((run) => run.text).join('') : '',
  );
}
