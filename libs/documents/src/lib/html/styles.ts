import { cssString } from './escape';

export const FONT_STACK = '"Source Sans 3", "Source Sans Pro", "DejaVu Sans", "Segoe UI", Arial, sans-serif';

/** Shared by every target: typography, tables, notices, charts. */
const BASE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; color: #1a1a1a; line-height: 1.4; }
body { margin: 0; }
h1, h2, h3, h4 { line-height: 1.2; margin: 1.1em 0 0.4em; }
.hn { font-variant-numeric: tabular-nums; }
p { margin: 0 0 0.6em; }
p.lead { font-weight: 600; }
p.note { font-size: 0.9em; color: #4a4a4a; }
p.footnote { font-size: 0.85em; color: #4a4a4a; margin: 0.2em 0; }
a { color: #0b5394; }
ul, ol { margin: 0 0 0.6em; padding-left: 1.6em; }
.vh { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.title-page .municipality { font-size: 1.2em; margin: 0 0 2em; }
.title-page .doc-title { font-size: 2.4em; font-weight: 700; margin: 0 0 0.3em; line-height: 1.15; }
.title-page .doc-subtitle { font-size: 1.5em; margin: 0 0 0.3em; }
.title-page .period, .title-page .diary { font-size: 1.1em; margin: 0 0 0.3em; }
.status-final { font-size: 0.85em; color: #4a4a4a; }
.memo-header .facts { margin-bottom: 1.5em; }
.memo-header .doc-title { margin-top: 0.6em; }
.draft-banner { border: 2px solid #b3261e; background: #fdecea; color: #5c0f0b; padding: 0.6em 1em; margin: 0 0 1.2em; }
.draft-banner .draft-label { font-weight: 700; font-size: 1.3em; letter-spacing: 0.1em; margin: 0 0 0.3em; }
.draft-banner ul { margin: 0.3em 0 0; }
.toc h2 { margin-top: 0; }
.toc .toc-title { margin: 0 0 0.4em; font-size: 1.35em; font-weight: 700; line-height: 1.2; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc a { color: inherit; text-decoration: none; }
.toc .toc-l1 { font-weight: 600; }
.toc .toc-l2 { padding-left: 1.5em; }
.toc .toc-l3 { padding-left: 3em; }
.toc .toc-appendix { font-weight: 600; }
.table-block { margin: 0.6em 0 1.1em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
.table-block.wide table { font-size: 0.8em; }
caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 0.3em; }
th, td { border-bottom: 0.5pt solid #b0b0b0; padding: 0.2em 0.35em; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
thead th { font-weight: 600; border-bottom: 1pt solid #333; vertical-align: bottom; }
thead tr.group th { text-align: center; border-bottom: 0.5pt solid #777; }
thead tr.group td { border-bottom: none; }
tbody th { font-weight: 400; min-width: 7em; }
.table-block.wide thead th { hyphens: auto; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
tr.total th, tr.total td { font-weight: 700; border-top: 1pt solid #333; }
tr.subtotal th, tr.subtotal td { font-weight: 600; }
tr.sub th { padding-left: 1.6em; }
tr.group-row th { font-weight: 700; padding-top: 0.45em; }
.marker { display: inline-block; width: 0.75em; height: 0.75em; border-radius: 50%; margin-right: 0.35em; vertical-align: baseline; border: 0.5pt solid #333; }
.marker-green { background: #2e7d32; } .marker-yellow { background: #f9a825; } .marker-red { background: #c62828; }
.table-notes p { font-size: 0.85em; color: #4a4a4a; margin: 0.2em 0 0; }
.chart { margin: 0.8em 0 1.2em; }
.chart figcaption { font-weight: 700; margin-bottom: 0.3em; }
.chart svg { max-width: 100%; height: auto; font-family: ${FONT_STACK}; font-size: 12px; }
.chart svg text { fill: #1a1a1a; }
.chart svg .grid { stroke: #ddd; stroke-width: 1; } .chart svg .axis { stroke: #333; stroke-width: 1; }
.chart-description { font-size: 0.9em; color: #4a4a4a; }
.chart-data { margin-top: 0.4em; }
.notice { border-left: 4px solid #1f5f8b; background: #eef4f9; padding: 0.6em 1em; margin: 0.8em 0; }
.notice-warning { border-left-color: #b3261e; background: #fdecea; }
.notice-title { margin-bottom: 0.3em; }
.facts { margin: 0 0 1em; }
.facts div { display: flex; gap: 0.6em; }
.facts dt { font-weight: 600; min-width: 8em; }
.facts dd { margin: 0; }
.signatures { display: flex; flex-wrap: wrap; gap: 1em 3em; margin: 2em 0 1em; }
.signature .role { color: #4a4a4a; }
.appendix-label { display: block; }
`;

/** The screen: readable width, the preview iframe and the downloaded HTML file. */
const SCREEN_CSS = `
@media screen {
  html { font-size: 16px; background: #f4f4f4; }
  body { max-width: 52rem; margin: 0 auto; padding: 2rem 2.5rem 4rem; background: #fff; min-height: 100vh; }
  .title-page { padding: 2rem 0 2.5rem; border-bottom: 1px solid #ddd; margin-bottom: 2rem; }
  .toc { margin: 0 0 2rem; padding: 1rem 1.25rem; background: #f7f7f7; }
  .toc li { margin: 0.15em 0; }
  .table-block { overflow-x: auto; }
  .appendix { border-top: 1px solid #ddd; margin-top: 2.5rem; }
  .page-break { border-top: 1px dashed #ccc; margin: 1.5rem 0; }
  .watermark { display: none; }
}
`;

/** Paged media: A4, running header, `N(T)` footer, no header or footer on the first page. */
function printCss(runningHeader: string, draft: boolean): string {
  const margin = `font-family: ${FONT_STACK}; font-size: 8.5pt; color: #444;`;
  return `
@page { size: A4; margin: 22mm 18mm 20mm 20mm;
  @top-left { content: ${cssString(runningHeader)}; ${margin} vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-right { content: counter(page) "(" counter(pages) ")"; ${margin} vertical-align: top; padding-top: 4mm; }
}
@page :first { @top-left { content: none; } @bottom-right { content: none; } }
@media print {
  html { font-size: 10.5pt; background: none; }
  body { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  h1 { font-size: 1.75em; margin-top: 0.4em; }
  .chapter-break { break-before: page; page-break-before: always; height: 0; }
  h2 { font-size: 1.35em; } h3 { font-size: 1.12em; } h4 { font-size: 1em; }
  p, li { orphans: 2; widows: 2; }
  caption { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tr.group-row { break-after: avoid; page-break-after: avoid; }
  .table-block { overflow: visible; }
  .table-notes { break-before: avoid; }
  .chart, .notice, .facts div, .signature { break-inside: avoid; }
  .page-break { break-before: page; page-break-before: always; height: 0; }
  .title-page { break-after: page; min-height: 200mm; display: flex; flex-direction: column; justify-content: center; }
  .title-page .status-final { margin-top: auto; }
  .toc { break-after: page; }
  .toc li { height: 1.45em; line-height: 1.45em; overflow: hidden; white-space: nowrap; }
  .toc a { display: flex; }
  .toc .t { flex: 1; overflow: hidden; text-overflow: ellipsis; }
  .toc .n { width: 3em; text-align: right; flex: none; }
  .kind-memo .chapter-break, .kind-kallelse .chapter-break { break-before: auto; page-break-before: auto; }
  .chapters-run-on main > .chapter-break:has(+ h1) { break-before: auto; page-break-before: auto; }
  .chart-details { display: none; }
  .watermark { ${draft ? 'display: block;' : 'display: none;'} position: fixed; top: 45%; left: 0; right: 0; text-align: center;
    transform: rotate(-35deg); font-size: 96pt; font-weight: 700; letter-spacing: 0.15em; color: rgba(179, 38, 30, 0.16); z-index: -1; }
}
`;
}

export function documentCss(options: { target: 'preview' | 'standalone' | 'print'; runningHeader: string; draft: boolean; fontCss?: string }): string {
  const header = options.draft ? `UTKAST – ${options.runningHeader}` : options.runningHeader;
  const font = options.target === 'preview' ? '' : (options.fontCss ?? '');
  const print = options.target === 'preview' ? '' : printCss(header, options.draft);
  const screen = options.target === 'print' ? '' : SCREEN_CSS;
  return `${font}${BASE_CSS}${screen}${print}`;
}
