import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, type PDFContext, type PDFObject, type PDFRef } from 'pdf-lib';

export interface OutlineNode {
  title: string;
  /** Made anew for each use: [page /XYZ left top null]. */
  dest: () => PDFArray;
  children: OutlineNode[];
}

/** A dictionary from entries whose values are already PDF objects (undefined values are left out). */
export function dictOf(context: PDFContext, entries: Record<string, PDFObject | undefined>): PDFDict {
  const dict = PDFDict.withContext(context);
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) dict.set(PDFName.of(key), value);
  return dict;
}

/**
 * Writes the document outline (bookmarks) into the catalog: /Outlines with /First /Last /Count,
 * each item with /Title (a UTF-16 hex string), /Parent, /Prev, /Next, /First, /Last, /Count and
 * /Dest. Every item is open, so each /Count is the number of its visible descendants. Sets
 * /PageMode /UseOutlines.
 */
export function writeOutline(context: PDFContext, catalog: PDFDict, nodes: OutlineNode[]): void {
  if (nodes.length === 0) return;
  const rootRef = context.nextRef();
  const visible = (node: OutlineNode): number => node.children.reduce((sum, child) => sum + 1 + visible(child), 0);

  const writeLevel = (level: OutlineNode[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = level.map(() => context.nextRef());
    level.forEach((node, i) => {
      const children = node.children.length ? writeLevel(node.children, refs[i]) : undefined;
      context.assign(
        refs[i],
        dictOf(context, {
          Title: PDFHexString.fromText(node.title),
          Parent: parent,
          Prev: i > 0 ? refs[i - 1] : undefined,
          Next: i < level.length - 1 ? refs[i + 1] : undefined,
          First: children?.first,
          Last: children?.last,
          Count: children ? PDFNumber.of(visible(node)) : undefined,
          Dest: node.dest(),
        }),
      );
    });
    return { first: refs[0], last: refs[refs.length - 1] };
  };

  const { first, last } = writeLevel(nodes, rootRef);
  const total = nodes.reduce((sum, node) => sum + 1 + visible(node), 0);
  context.assign(rootRef, dictOf(context, { Type: PDFName.of('Outlines'), First: first, Last: last, Count: PDFNumber.of(total) }));
  catalog.set(PDFName.of('Outlines'), rootRef);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** One page-label range: from page index `start` (0-based), decimal numbers from `first`, with an optional prefix. */
export interface PageLabelRange {
  start: number;
  first: number;
  prefix?: string;
}

/** Writes /PageLabels as a number tree: a single root node whose /Nums holds the ranges in increasing order. */
export function writePageLabels(context: PDFContext, catalog: PDFDict, ranges: PageLabelRange[]): void {
  const nums = PDFArray.withContext(context);
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    nums.push(PDFNumber.of(range.start));
    nums.push(
      dictOf(context, {
        Type: PDFName.of('PageLabel'),
        S: PDFName.of('D'),
        St: range.first !== 1 ? PDFNumber.of(range.first) : undefined,
        P: range.prefix ? PDFHexString.fromText(range.prefix) : undefined,
      }),
    );
  }
  catalog.set(PDFName.of('PageLabels'), context.register(dictOf(context, { Nums: nums })));
}
