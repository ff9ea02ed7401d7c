import {
  AfterViewInit,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import {
  type Block,
  emptyDocument,
  type RichTextDocument,
  sanitizeRichText,
  type SanitizeRichTextResult,
} from '@rapportflode/domain';
import { plainButtonStyles } from '../button-styles';
import { documentFromElement, documentToHtml, escapeHtml, safeHref } from './rich-text-dom';

let nextEditorId = 0;

const EMPTY_TABLE = '<table><tbody><tr><th><br></th><th><br></th></tr><tr><td><br></td><td><br></td></tr></tbody></table>';

/**
 * A rich-text editor on a contenteditable element, with a toolbar of real buttons. It reads and
 * writes the document model of libs/domain (rich-text.ts): `content` is shown once when the
 * editor starts (later changes come in through `setContent`), `read()` gives the document as it
 * is now, sanitized. Ctrl+B and Ctrl+I work as in any contenteditable.
 */
@Component({
  selector: 'rf-rich-text-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="toolbar" role="toolbar" [attr.aria-label]="'Formatering av ' + label()" [attr.aria-controls]="editorId">
      <button type="button" [disabled]="readonly()" (mousedown)="keepSelection($event)" (click)="heading(2)">Rubrik</button>
      <button type="button" [disabled]="readonly()" (mousedown)="keepSelection($event)" (click)="heading(3)">
        Underrubrik
      </button>
      <button type="button" [disabled]="readonly()" (mousedown)="keepSelection($event)" (click)="command('bold')">
        <strong>Fetstil</strong>
      </button>
      <button type="button" [disabled]="readonly()" (mousedown)="keepSelection($event)" (click)="command('italic')">
        <em>Kursiv</em>
      </button>
      <button
        type="button"
        [disabled]="readonly()"
        (mousedown)="keepSelection($event)"
        (click)="command('insertUnorderedList')"
      >
        Punktlista
      </button>
      <button
        type="button"
        [disabled]="readonly()"
        (mousedown)="keepSelection($event)"
        (click)="command('insertOrderedList')"
      >
        Numrerad lista
      </button>
      <button type="button" [disabled]="readonly()" (mousedown)="keepSelection($event)" (click)="link()">Länk</button>
      <button type="button" [disabled]="readonly()" (mousedown)="keepSelection($event)" (click)="table()">Tabell</button>
    </div>
    @if (toolbarError()) {
      <p class="error" role="alert">{{ toolbarError() }}</p>
    }
    <div
      #editable
      class="editable rich-content"
      role="textbox"
      tabindex="0"
      aria-multiline="true"
      [id]="editorId"
      [attr.contenteditable]="readonly() ? 'false' : 'true'"
      [attr.aria-readonly]="readonly() || null"
      [attr.aria-label]="label()"
      [attr.aria-describedby]="describedBy()"
      (input)="changed.emit()"
      (blur)="blurred.emit()"
      (paste)="paste($event)"
    ></div>
  `,
  styles: `
    :host {
      display: block;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      padding: 0.375rem;
      border: 1px solid var(--mat-sys-outline);
      border-bottom: none;
      border-radius: 0.5rem 0.5rem 0 0;
      background: var(--mat-sys-surface-container);
    }
    ${plainButtonStyles('.toolbar button')}
    .toolbar button:hover:not(:disabled) {
      background: var(--mat-sys-surface-container-highest);
    }
    .toolbar button:disabled {
      cursor: default;
      color: var(--mat-sys-on-surface-variant);
    }
    .editable {
      min-height: 14rem;
      max-height: 70vh;
      overflow-y: auto;
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 0 0 0.5rem 0.5rem;
      background: var(--mat-sys-surface);
      white-space: pre-wrap;
      overflow-wrap: break-word;
    }
    .editable[aria-readonly='true'] {
      background: var(--mat-sys-surface-container-low);
    }
  `,
})
export class RichTextEditorComponent implements AfterViewInit {
  /** The document shown when the editor starts. */
  readonly content = input<RichTextDocument>(emptyDocument());
  /** The accessible name of the text area. */
  readonly label = input.required<string>();
  readonly describedBy = input<string | null>(null);
  readonly readonly = input(false);

  /** The person changed the text (typing, formatting, pasting). */
  readonly changed = output<void>();
  readonly blurred = output<void>();

  protected readonly editorId = `rf-editor-${++nextEditorId}`;
  protected readonly toolbarError = signal<string | null>(null);

  private readonly editable = viewChild.required<ElementRef<HTMLElement>>('editable');
  /** The editable element, kept: it can still be read while the page is being left. */
  private element: HTMLElement | null = null;
  /** The selection inside the editor, kept while focus is on a toolbar button. */
  private savedRange: Range | null = null;

  constructor() {
    const onSelection = () => {
      const selection = document.getSelection();
      if (selection && selection.rangeCount > 0 && this.element?.contains(selection.anchorNode)) {
        this.savedRange = selection.getRangeAt(0).cloneRange();
      }
    };
    document.addEventListener('selectionchange', onSelection);
    inject(DestroyRef).onDestroy(() => document.removeEventListener('selectionchange', onSelection));
  }

  ngAfterViewInit(): void {
    this.element = this.editable().nativeElement;
    // New lines become <p>, as the document model has it (Chrome's default is <div>).
    document.execCommand('defaultParagraphSeparator', false, 'p');
    this.setContent(untracked(this.content));
  }

  /** Replaces what the editor shows. */
  setContent(doc: RichTextDocument): void {
    if (this.element) this.element.innerHTML = documentToHtml(doc) || '<p><br></p>';
  }

  /**
   * The document as it is now, sanitized. Paragraphs that got a new id keep it (written back as
   * `data-id`), so comments stay anchored across saves.
   */
  read(): SanitizeRichTextResult {
    if (!this.element) return { ok: true, document: untracked(this.content), removed: [] };
    const doc = documentFromElement(this.element, {
      whitespace: 'preserve',
      onNewId: (element, id) => element.setAttribute('data-id', id),
    });
    return sanitizeRichText(doc);
  }

  focus(): void {
    this.element?.focus();
  }

  /** A mouse press on a toolbar button must not take the selection out of the text. */
  protected keepSelection(event: MouseEvent): void {
    event.preventDefault();
  }

  protected heading(level: 2 | 3): void {
    const tag = `h${level}`;
    this.run(() => {
      const current = String(document.queryCommandValue('formatBlock') ?? '').toLowerCase();
      document.execCommand('formatBlock', false, current === tag ? 'p' : tag);
    });
  }

  protected command(name: 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList'): void {
    this.run(() => document.execCommand(name));
  }

  protected link(): void {
    const answer = window.prompt('Adress för länken (https://…, http://… eller mailto:…)', 'https://');
    if (answer === null || answer.trim() === '' || answer.trim() === 'https://') return;
    const href = safeHref(answer);
    if (href === null) {
      this.toolbarError.set('Länken lades inte till: adressen måste börja med https://, http:// eller mailto:.');
      return;
    }
    this.run(() => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed) {
        const escaped = escapeHtml(href);
        document.execCommand('insertHTML', false, `<a href="${escaped}">${escaped}</a>`);
      } else {
        document.execCommand('createLink', false, href);
      }
    });
  }

  /**
   * A 2×2 table (a header row and a row) after the block holding the caret, or in its place when
   * that block is empty. Built with the DOM: Chrome's insertHTML breaks a table up inside a <p>.
   */
  protected table(): void {
    this.run(() => {
      const root = this.element;
      if (!root) return;
      const selection = document.getSelection();
      let block: Node | null = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).startContainer : null;
      while (block && block.parentNode !== root) block = block.parentNode;
      const holder = document.createElement('div');
      holder.innerHTML = EMPTY_TABLE;
      const table = holder.firstElementChild as HTMLTableElement;
      if (block && block.nodeName === 'P' && (block.textContent ?? '') === '') root.replaceChild(table, block);
      else root.insertBefore(table, block ? block.nextSibling : null);
      if (!table.nextSibling) {
        // Somewhere to go on writing after the table.
        const after = document.createElement('p');
        after.appendChild(document.createElement('br'));
        root.appendChild(after);
      }
      const cell = table.querySelector('th, td');
      if (cell && selection) {
        const range = document.createRange();
        range.setStart(cell, 0);
        range.collapse(true);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    });
  }

  /** Pasted HTML goes through the document model: only what the model can hold is kept. */
  protected paste(event: ClipboardEvent): void {
    const data = event.clipboardData;
    if (!data || this.readonly()) return;
    const html = data.getData('text/html');
    const plain = data.getData('text/plain');
    event.preventDefault();
    if (html) {
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      const result = sanitizeRichText(documentFromElement(parsed.body));
      if (result.ok) {
        // Pasted paragraphs get ids of their own: a copied data-id would take the original's anchor.
        const content = result.document.content.map(withoutIds);
        document.execCommand('insertHTML', false, documentToHtml({ ...result.document, content }));
        this.changed.emit();
        return;
      }
    }
    if (plain) {
      document.execCommand('insertText', false, plain);
      this.changed.emit();
    }
  }

  /** Focuses the text, puts the selection back where it was, and runs a command. */
  private run(action: () => void): void {
    if (this.readonly()) return;
    this.toolbarError.set(null);
    const element = this.element;
    if (!element) return;
    element.focus();
    const selection = document.getSelection();
    if (this.savedRange && selection && element.contains(this.savedRange.startContainer)) {
      selection.removeAllRanges();
      selection.addRange(this.savedRange);
    }
    action();
    this.changed.emit();
  }
}

function withoutIds(block: Block): Block {
  if (block.type === 'paragraph') return { type: 'paragraph', content: block.content };
  if (block.type === 'bullet_list' || block.type === 'ordered_list') {
    return { type: block.type, items: block.items.map((item) => item.map(withoutIds)) };
  }
  return block;
}
