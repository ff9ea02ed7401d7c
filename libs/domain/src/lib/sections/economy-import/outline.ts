/**
 * A unit's imported table as the preview lists it before anything is stored: every row with its
 * level, top to bottom, so the economist sees how the file's rows nest (nesting.ts).
 */
import type { EconomyContent, EconomyRow } from '../economy';

export interface ImportOutlineRow {
  key: string;
  label: string;
  /** 0 for a top-level row, 1 for its sub-rows, 2 for theirs. */
  depth: number;
  /** Whether the row's figures are the sum of its sub-rows. */
  subtotal: boolean;
}

export function importOutline(content: EconomyContent): ImportOutlineRow[] {
  const out: ImportOutlineRow[] = [];
  const walk = (rows: readonly EconomyRow[], depth: number) => {
    for (const row of rows) {
      const children = row.children ?? [];
      out.push({ key: row.key, label: row.label, depth, subtotal: children.length > 0 });
      walk(children, depth + 1);
    }
  };
  walk(content.rows, 0);
  return out;
}
