import type { Block, RichTextDocument } from './rich-text';

/**
 * Merges two versions of a document after a stale save (409): every block of the stored
 * version (`current`) and every block of the person's own version (`yours`) is kept, common
 * blocks once, in document order (a longest common subsequence of the blocks); where both
 * changed the same place, the stored block comes first and the person's follows it. Nothing
 * either side wrote is lost; the person then tidies the result in the editor.
 *
 * A paragraph of yours whose anchor id is already used by the stored version loses the id
 * (ids are unique within a document; comments stay on the stored paragraph).
 */
export function mergeDocuments(current: RichTextDocument, yours: RichTextDocument): RichTextDocument {
  const a = current.content;
  const b = yours.content;
  const keyA = a.map(blockKey);
  const keyB = b.map(blockKey);
  // lengths[i][j]: LCS of a[i..] and b[j..]
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i][j] = keyA[i] === keyB[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const merged: Block[] = [];
  const pendingA: Block[] = [];
  const pendingB: Block[] = [];
  const flush = () => {
    merged.push(...pendingA.splice(0), ...pendingB.splice(0));
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (keyA[i] === keyB[j]) {
      flush();
      merged.push(a[i]);
      i += 1;
      j += 1;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      pendingA.push(a[i]);
      i += 1;
    } else {
      pendingB.push(b[j]);
      j += 1;
    }
  }
  pendingA.push(...a.slice(i));
  pendingB.push(...b.slice(j));
  flush();

  const usedIds = new Set<string>();
  const idsOfCurrent = new Set(collectIds(a));
  const content = merged.map((block) => dedupeIds(block, usedIds, idsOfCurrent, a.includes(block)));
  return { type: 'doc', version: 1, content };
}

function blockKey(block: Block): string {
  return JSON.stringify(block);
}

function collectIds(blocks: readonly Block[]): string[] {
  const ids: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph' && block.id) ids.push(block.id);
    if (block.type === 'bullet_list' || block.type === 'ordered_list') for (const item of block.items) ids.push(...collectIds(item));
  }
  return ids;
}

function dedupeIds(block: Block, used: Set<string>, idsOfCurrent: Set<string>, fromCurrent: boolean): Block {
  if (block.type === 'paragraph' && block.id) {
    const clash = used.has(block.id) || (!fromCurrent && idsOfCurrent.has(block.id));
    if (clash) {
      const { id: _dropped, ...rest } = block;
      return rest;
    }
    used.add(block.id);
    return block;
  }
  if (block.type === 'bullet_list' || block.type === 'ordered_list') {
    return { ...block, items: block.items.map((item) => item.map((b) => dedupeIds(b, used, idsOfCurrent, fromCurrent))) };
  }
  return block;
}

export * from './merge3';
export * from './merge-structured';
export * from './merge-wording';
