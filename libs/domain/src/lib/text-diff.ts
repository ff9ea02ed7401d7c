/**
 * What changed in a narrative section since it was last submitted, for the reviewer.
 *
 * Both diffs are exact: the `same` and `removed` parts joined give the old text, the `same` and
 * `added` parts joined give the new one.
 *
 * Cost: a common prefix and suffix are trimmed first (cheap), and the longest common subsequence
 * is computed with an O(n·m) table over the differing middle only. When that table would exceed
 * MAX_DIFF_CELLS (4 000 000 cells: about 1 000 × 1 000 words with the spaces between them, some
 * tens of milliseconds), the word diff falls back to a coarse line-level diff (changed lines are
 * then diffed word by word where they fit), and where even the lines are too many, to one
 * `removed` part followed by one `added` part for the whole differing middle. The result is then
 * less precise but still exact, and the time stays bounded whatever the input.
 */
import { type RichTextDocument, plainText } from './rich-text';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export interface BlockDiff {
  kind: 'same' | 'added' | 'removed' | 'changed';
  /** The block's plain text before; null for an added block. */
  before: string | null;
  /** The block's plain text after; null for a removed block. */
  after: string | null;
  parts: DiffPart[];
}

/** The largest LCS table computed; beyond it the diff gets coarser (see above). */
export const MAX_DIFF_CELLS = 4_000_000;

type Edit = 'same' | 'removed' | 'added';

/**
 * A word-level diff. Words and the whitespace between them are separate tokens, so a changed
 * figure shows as just that figure. Adjacent parts of the same kind are merged, and a change
 * reads as its removed text followed by its added text.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const a = tokenize(before);
  const b = tokenize(after);
  const parts = editParts(a, b) ?? lineDiff(before, after);
  return tidy(parts);
}

/**
 * Aligns the two documents' blocks by their plain text (empty blocks are left out). A run of
 * removed blocks directly followed by a run of added ones at the same place is paired off, block
 * by block, as `changed` with a word diff; what is left over stays `removed` or `added`.
 */
export function diffDocuments(before: RichTextDocument, after: RichTextDocument): BlockDiff[] {
  const a = blockTexts(before);
  const b = blockTexts(after);
  const edits = editScript(a, b) ?? coarseScript(a, b);
  const result: BlockDiff[] = [];
  let i = 0;
  let j = 0;
  let at = 0;
  while (at < edits.length) {
    if (edits[at] === 'same') {
      result.push({ kind: 'same', before: a[i], after: b[j], parts: [{ kind: 'same', text: a[i] }] });
      i += 1;
      j += 1;
      at += 1;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    for (; at < edits.length && edits[at] !== 'same'; at += 1) {
      if (edits[at] === 'removed') removed.push(a[i++]);
      else added.push(b[j++]);
    }
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k += 1) {
      result.push({ kind: 'changed', before: removed[k], after: added[k], parts: diffWords(removed[k], added[k]) });
    }
    for (const text of removed.slice(paired)) {
      result.push({ kind: 'removed', before: text, after: null, parts: [{ kind: 'removed', text }] });
    }
    for (const text of added.slice(paired)) {
      result.push({ kind: 'added', before: null, after: text, parts: [{ kind: 'added', text }] });
    }
  }
  return result;
}

function blockTexts(document: RichTextDocument): string[] {
  return document.content
    .map((block) => plainText({ type: 'doc', version: 1, content: [block] }))
    .filter((text) => text !== '');
}

/** Words and whitespace runs, in order; joined they give the text back. */
function tokenize(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

/** Lines with their line feed; joined they give the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+/g) ?? [];
}

/** The edits turning `a` into `b` as parts, or null when the differing middle is too large. */
function editParts(a: string[], b: string[]): DiffPart[] | null {
  const edits = editScript(a, b);
  if (edits === null) return null;
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  for (const edit of edits) {
    if (edit === 'same') {
      parts.push({ kind: 'same', text: a[i++] });
      j += 1;
    } else if (edit === 'removed') {
      parts.push({ kind: 'removed', text: a[i++] });
    } else {
      parts.push({ kind: 'added', text: b[j++] });
    }
  }
  return parts;
}

/**
 * Line by line; the lines of each changed stretch are then diffed word by word where that fits.
 * Where it does not, or where even the lines are too many: the common words at both ends as
 * unchanged, and one `removed` and one `added` part for what lies between.
 */
function lineDiff(before: string, after: string): DiffPart[] {
  const lineParts = editParts(splitLines(before), splitLines(after));
  if (lineParts === null) return coarsePair(tokenize(before), tokenize(after));
  const parts: DiffPart[] = [];
  const hunks = tidy(lineParts);
  for (let at = 0; at < hunks.length; at += 1) {
    const removed = hunks[at];
    const added = hunks[at + 1];
    if (removed.kind === 'removed' && added?.kind === 'added') {
      const a = tokenize(removed.text);
      const b = tokenize(added.text);
      parts.push(...(editParts(a, b) ?? coarsePair(a, b)));
      at += 1;
    } else {
      parts.push(removed);
    }
  }
  return parts;
}

function coarsePair(a: string[], b: string[]): DiffPart[] {
  const { start, endA, endB } = commonEnds(a, b);
  return [
    { kind: 'same', text: a.slice(0, start).join('') },
    { kind: 'removed', text: a.slice(start, endA).join('') },
    { kind: 'added', text: b.slice(start, endB).join('') },
    { kind: 'same', text: a.slice(endA).join('') },
  ];
}

/** Length of the common prefix, and where the common suffix starts in each. */
function commonEnds(a: readonly string[], b: readonly string[]): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  return { start, endA, endB };
}

/** A shortest edit script (longest common subsequence), or null when the middle is too large. */
function editScript(a: readonly string[], b: readonly string[]): Edit[] | null {
  const { start, endA, endB } = commonEnds(a, b);
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_DIFF_CELLS) return null;

  const edits: Edit[] = new Array<Edit>(start).fill('same');
  if (n === 0 || m === 0) {
    for (let k = 0; k < n; k += 1) edits.push('removed');
    for (let k = 0; k < m; k += 1) edits.push('added');
  } else {
    // Tokens as numbers, so that the table compares integers rather than strings.
    const ids = new Map<string, number>();
    const idOf = (token: string): number => {
      let id = ids.get(token);
      if (id === undefined) {
        id = ids.size;
        ids.set(token, id);
      }
      return id;
    };
    const x = Int32Array.from(a.slice(start, endA), idOf);
    const y = Int32Array.from(b.slice(start, endB), idOf);

    // lcs[i * width + j]: the longest common subsequence of x[i..] and y[j..]. It never exceeds
    // min(n, m) ≤ √MAX_DIFF_CELLS = 2 000, so 16 bits suffice.
    const width = m + 1;
    const lcs = new Uint16Array((n + 1) * width);
    // No Math.max here: a global looked up a few million times is slow in some sandboxes (Jest's).
    for (let i = n - 1; i >= 0; i -= 1) {
      const row = i * width;
      const below = row + width;
      const token = x[i];
      for (let j = m - 1; j >= 0; j -= 1) {
        if (token === y[j]) {
          lcs[row + j] = lcs[below + j + 1] + 1;
        } else {
          const down = lcs[below + j];
          const right = lcs[row + j + 1];
          lcs[row + j] = down >= right ? down : right;
        }
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) {
        edits.push('same');
        i += 1;
        j += 1;
      } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
        edits.push('removed');
        i += 1;
      } else {
        edits.push('added');
        j += 1;
      }
    }
    for (; i < n; i += 1) edits.push('removed');
    for (; j < m; j += 1) edits.push('added');
  }
  for (let k = endA; k < a.length; k += 1) edits.push('same');
  return edits;
}

/** The coarse script for too many blocks: the differing middle removed, then added. */
function coarseScript(a: readonly string[], b: readonly string[]): Edit[] {
  const { start, endA, endB } = commonEnds(a, b);
  return [
    ...new Array<Edit>(start).fill('same'),
    ...new Array<Edit>(endA - start).fill('removed'),
    ...new Array<Edit>(endB - start).fill('added'),
    ...new Array<Edit>(a.length - endA).fill('same'),
  ];
}

/**
 * Drops empty parts and merges neighbours of the same kind. Whitespace alone between two changes
 * joins the change, and each change reads removed-then-added: `~~a b~~ c d` rather than
 * `~~a~~ c ~~b~~ d`.
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const input: DiffPart[] = [];
  for (const part of parts) {
    const last = input[input.length - 1];
    if (part.text === '') continue;
    if (last?.kind === part.kind) last.text += part.text;
    else input.push({ ...part });
  }
  const result: DiffPart[] = [];
  let removed = '';
  let added = '';
  let pending = false;
  const flush = (): void => {
    if (removed !== '') result.push({ kind: 'removed', text: removed });
    if (added !== '') result.push({ kind: 'added', text: added });
    removed = '';
    added = '';
    pending = false;
  };
  for (let at = 0; at < input.length; at += 1) {
    const part = input[at];
    if (part.kind === 'removed') {
      removed += part.text;
      pending = true;
    } else if (part.kind === 'added') {
      added += part.text;
      pending = true;
    } else if (pending && at + 1 < input.length && input[at + 1].kind !== 'same' && /^\s+$/.test(part.text)) {
      removed += part.text;
      added += part.text;
    } else {
      flush();
      const last = result[result.length - 1];
      if (last?.kind === 'same') last.text += part.text;
      else result.push({ kind: 'same', text: part.text });
    }
  }
  flush();
  return result;
}
