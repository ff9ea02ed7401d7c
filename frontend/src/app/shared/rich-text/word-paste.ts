/*
 * Pasted HTML from Word and Outlook, cleaned before the editor reads it. Word writes lists as
 * paragraphs (`class=MsoListParagraph`, `style='mso-list:l0 level1 lfo1'`) with their bullet or
 * number as text between `<!--[if !supportLists]-->` and `<!--[endif]-->`; these become real
 * lists, and its footnotes (a reference `<a href="#_ftn1">` and the note in a `mso-element:footnote`
 * part at the end) become footnotes on the word before the reference. Headings, bold and italic
 * (as tags or as font-weight/font-style), links and tables stay;
 * comments, styles, classes, fonts, Office tags (`<o:p>`, `<v:…>`, `<w:…>`), images and empty
 * spacing paragraphs go. The result is still only input: the editor's schema keeps what it knows,
 * and the sanitizer decides what is stored.
 */

const REMOVED_TAGS = new Set([
  'STYLE',
  'SCRIPT',
  'META',
  'LINK',
  'TITLE',
  'XML',
  'HEAD',
  'IMG',
  'svg',
  'OBJECT',
  'IFRAME',
  'NOSCRIPT',
  'TEMPLATE',
]);
/** Elements whose content stays but which themselves go (formatting Word wraps text in). */
const UNWRAPPED_TAGS = new Set([
  'SPAN',
  'FONT',
  'U',
  'S',
  'STRIKE',
  'SUP',
  'SUB',
  'SMALL',
  'BIG',
  'INS',
  'DEL',
  'MARK',
  'ABBR',
]);
/** Attributes that survive: a link's address and a cell's spans. */
const KEPT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  A: ['href'],
  TD: ['colspan', 'rowspan'],
  TH: ['colspan', 'rowspan'],
  SPAN: ['data-footnote', 'data-note'],
};

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;

const ORDERED_MARKER = /^\s*(?:\d+|[a-z]|[ivxlcdm]+)[.)]/i;

export function cleanPastedHtml(html: string): string {
  const dom = new DOMParser().parseFromString(html, 'text/html');
  const body = dom.body;
  const listMarkers = takeListMarkers(body);
  removeComments(body);
  wordFootnotes(body, dom);
  walk(body, (element) => {
    const tag = element.tagName.toUpperCase();
    if (REMOVED_TAGS.has(tag) || REMOVED_TAGS.has(element.tagName) || element.tagName.includes(':')) {
      element.remove();
      return false;
    }
    return true;
  });
  // The marker Word keeps in a span of its own when the conditional comments are gone.
  for (const span of Array.from(body.querySelectorAll('span'))) {
    if (/mso-list\s*:\s*ignore/i.test(span.getAttribute('style') ?? '')) span.remove();
  }
  markStyledText(body, dom);
  renameHeadings(body, dom);
  headerRows(body, dom);
  buildLists(body, dom, listMarkers);
  stripAttributesAndUnwrap(body);
  removeEmptyParagraphs(body);
  return body.innerHTML;
}

/** Depth-first over elements; `visit` returns false when it removed the element. */
function walk(root: Element, visit: (element: Element) => boolean): void {
  for (const child of Array.from(root.children)) {
    if (visit(child)) walk(child, visit);
  }
}

/** The list paragraphs' markers (`·`, `1.`, `a)`), removed with the conditional comments around them. */
function takeListMarkers(body: HTMLElement): Map<Element, string> {
  const markers = new Map<Element, string>();
  const iterator = body.ownerDocument.createNodeIterator(body, NodeFilter.SHOW_COMMENT);
  const starts: Comment[] = [];
  for (let node = iterator.nextNode(); node; node = iterator.nextNode()) {
    if (/^\s*\[if !supportLists\]/i.test((node as Comment).data)) starts.push(node as Comment);
  }
  for (const start of starts) {
    let text = '';
    let next = start.nextSibling;
    while (next && !(next.nodeType === COMMENT_NODE && /^\s*\[endif\]/i.test((next as Comment).data))) {
      const after = next.nextSibling;
      text += next.textContent ?? '';
      next.remove();
      next = after;
    }
    const paragraph = start.parentElement?.closest('p, h1, h2, h3, h4, h5, h6, li');
    if (paragraph && !markers.has(paragraph)) markers.set(paragraph, text);
  }
  return markers;
}

function removeComments(body: HTMLElement): void {
  const iterator = body.ownerDocument.createNodeIterator(body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  for (let node = iterator.nextNode(); node; node = iterator.nextNode()) comments.push(node);
  comments.forEach((comment) => comment.parentNode?.removeChild(comment));
}

/** Bold and italic given as styles become <strong> and <em> (the styles themselves go). */
function markStyledText(body: HTMLElement, dom: Document): void {
  for (const element of Array.from(body.querySelectorAll('[style]'))) {
    const style = element.getAttribute('style') ?? '';
    const tag = element.tagName.toUpperCase();
    if (/(?:^|;)\s*font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i.test(style) && !['B', 'STRONG'].includes(tag))
      wrapChildren(element, dom.createElement('strong'));
    if (/(?:^|;)\s*font-style\s*:\s*italic/i.test(style) && !['I', 'EM'].includes(tag))
      wrapChildren(element, dom.createElement('em'));
    // Google Docs and some mail clients wrap everything in <b style="font-weight:normal">.
    if (tag === 'B' && /(?:^|;)\s*font-weight\s*:\s*(?:normal|[1-4]00)/i.test(style)) unwrap(element);
  }
}

function wrapChildren(element: Element, wrapper: Element): void {
  while (element.firstChild) wrapper.appendChild(element.firstChild);
  element.appendChild(wrapper);
}

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

function rename(element: Element, tag: string, dom: Document): Element {
  const renamed = dom.createElement(tag);
  for (const attribute of Array.from(element.attributes)) renamed.setAttribute(attribute.name, attribute.value);
  while (element.firstChild) renamed.appendChild(element.firstChild);
  element.replaceWith(renamed);
  return renamed;
}

/** The editor has heading levels 2–4: Word's Rubrik 1 and title become 2, levels 5 and 6 become 4. */
function renameHeadings(body: HTMLElement, dom: Document): void {
  for (const element of Array.from(body.querySelectorAll('h1, p.MsoTitle'))) rename(element, 'h2', dom);
  for (const element of Array.from(body.querySelectorAll('h5, h6'))) rename(element, 'h4', dom);
}

/** Word marks a table's first row (the header row it repeats on each page) with `mso-yfti-firstrow:yes`. */
function headerRows(body: HTMLElement, dom: Document): void {
  for (const row of Array.from(body.querySelectorAll('tr'))) {
    if (!/mso-yfti-firstrow\s*:\s*yes/i.test(row.getAttribute('style') ?? '')) continue;
    for (const cell of Array.from(row.children)) if (cell.tagName.toUpperCase() === 'TD') rename(cell, 'th', dom);
  }
}

interface WordListItem {
  element: Element;
  level: number;
  ordered: boolean;
}

function wordListItem(element: Element, markers: Map<Element, string>): WordListItem | null {
  if (element.nodeType !== ELEMENT_NODE || element.tagName.toUpperCase() !== 'P') return null;
  const style = element.getAttribute('style') ?? '';
  const list = /mso-list\s*:\s*(l\d+)\s+level(\d+)/i.exec(style);
  const isListClass = /MsoListParagraph/i.test(element.getAttribute('class') ?? '');
  if (!list && !(isListClass && markers.has(element))) return null;
  const level = list ? Math.max(1, Number(list[2])) : 1;
  return { element, level, ordered: ORDERED_MARKER.test(markers.get(element) ?? '') };
}

/** Runs of Word list paragraphs become <ul>/<ol> with <li>, nested by their level. */
function buildLists(body: HTMLElement, dom: Document, markers: Map<Element, string>): void {
  const paragraphs = Array.from(body.querySelectorAll('p')).filter((p) => wordListItem(p, markers) !== null);
  const done = new Set<Element>();
  for (const first of paragraphs) {
    if (done.has(first)) continue;
    // The run: this paragraph and the list paragraphs right after it (blank text in between ignored).
    const run: WordListItem[] = [];
    for (let node: ChildNode | null = first; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE && (node.textContent ?? '').trim() === '') continue;
      const item = node.nodeType === ELEMENT_NODE ? wordListItem(node as Element, markers) : null;
      if (!item) break;
      run.push(item);
      done.add(item.element);
    }
    const stack: Array<{ list: Element; level: number }> = [];
    const top = dom.createElement(run[0].ordered ? 'ol' : 'ul');
    first.parentNode?.insertBefore(top, first);
    stack.push({ list: top, level: run[0].level });
    for (const item of run) {
      while (stack.length > 1 && item.level < stack[stack.length - 1].level) stack.pop();
      let current = stack[stack.length - 1];
      if (item.level > current.level) {
        const nested = dom.createElement(item.ordered ? 'ol' : 'ul');
        const lastItem = current.list.lastElementChild ?? current.list.appendChild(dom.createElement('li'));
        lastItem.appendChild(nested);
        current = { list: nested, level: item.level };
        stack.push(current);
      }
      const li = dom.createElement('li');
      const p = dom.createElement('p');
      while (item.element.firstChild) p.appendChild(item.element.firstChild);
      li.appendChild(p);
      current.list.appendChild(li);
      item.element.remove();
    }
  }
}

function stripAttributesAndUnwrap(body: HTMLElement): void {
  const elements = Array.from(body.querySelectorAll('*'));
  for (const element of elements) {
    const tag = element.tagName.toUpperCase();
    // Word's footnote and endnote references ([1]) point into the pasted page: the marker goes.
    if (tag === 'A' && /^#_(?:ftn|edn)\d/i.test(element.getAttribute('href') ?? '')) {
      element.remove();
      continue;
    }
    const kept = KEPT_ATTRIBUTES[tag] ?? [];
    for (const attribute of Array.from(element.attributes)) {
      if (!kept.includes(attribute.name.toLowerCase())) element.removeAttribute(attribute.name);
    }
    // In-page anchors (Word's bookmarks and footnote references) are no links.
    if (tag === 'A' && !/^(?:https?:|mailto:)/i.test(element.getAttribute('href') ?? '')) unwrap(element);
    else if (UNWRAPPED_TAGS.has(tag) && !element.hasAttribute('data-footnote')) unwrap(element);
  }
}

/**
 * Word's footnotes: each reference becomes a footnote on the word before it (`<span data-footnote
 * data-note="…">`, as the editor writes one), with the note's text; the notes part goes.
 */
function wordFootnotes(body: HTMLElement, dom: Document): void {
  const withId = new Map(Array.from(body.querySelectorAll('[id]'), (element) => [element.id, element] as const));
  for (const reference of Array.from(body.querySelectorAll('a[href]'))) {
    const target = /^#_(ftn|edn)(\d+)$/i.exec(reference.getAttribute('href') ?? '');
    if (!target) continue;
    const holder = withId.get(`${target[1]}${target[2]}`);
    let note = '';
    if (holder) {
      const copy = holder.cloneNode(true) as Element;
      copy.querySelectorAll('a[href^="#_"]').forEach((back) => back.remove());
      note = (copy.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
    }
    if (note !== '') wrapWordBefore(reference, note, dom);
    reference.remove();
  }
  for (const part of Array.from(body.querySelectorAll('[style]'))) {
    if (/mso-element\s*:\s*(?:footnote|endnote)/i.test(part.getAttribute('style') ?? '')) part.remove();
  }
}

/** Wraps the last word before `reference` in its paragraph in a footnote span; nothing if there is none. */
function wrapWordBefore(reference: Element, note: string, dom: Document): void {
  const block = reference.closest('p, li, td, th, h1, h2, h3, h4, h5, h6') ?? reference.parentElement;
  if (!block) return;
  const walker = dom.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (reference.contains(node) || !(reference.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING))
      break;
    if ((node.textContent ?? '').trim() !== '') last = node as Text;
  }
  if (!last) return;
  const match = /(\S+)\s*$/u.exec(last.data);
  if (!match) return;
  const word = last.splitText(match.index);
  if (word.data.length > match[1].length) word.splitText(match[1].length);
  const span = dom.createElement('span');
  span.setAttribute('data-footnote', '');
  span.setAttribute('data-note', note);
  word.replaceWith(span);
  span.appendChild(word);
}

/** Word's spacing paragraphs (`<p class=MsoNormal><o:p>&nbsp;</o:p></p>`) are no content. */
function removeEmptyParagraphs(body: HTMLElement): void {
  for (const p of Array.from(body.querySelectorAll('p'))) {
    if (p.closest('td, th, li')) continue;
    if ((p.textContent ?? '').replace(/[\s\u00a0]/g, '') === '' && !p.querySelector('br')) p.remove();
  }
}
