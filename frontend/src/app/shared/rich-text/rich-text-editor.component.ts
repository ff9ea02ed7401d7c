import {
  AfterViewInit,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import { Editor, Extension, type JSONContent } from '@tiptap/core';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import {
  emptyDocument,
  type RichTextDocument,
  sanitizeRichText,
  type SanitizeRichTextResult,
} from '@rapportflode/domain';
import { plainButtonStyles } from '../button-styles';
import { newParagraphId, safeHref } from './rich-text-dom';
import {
  documentFromProseMirror,
  documentToProseMirror,
  paragraphsNeedingIds,
  richTextExtensions,
  withoutParagraphIds,
} from './rich-text-prosemirror';
import { cleanPastedHtml } from './word-paste';

let nextEditorId = 0;

/** Marks the editor's own transactions (new content, paragraph ids): no change by the person. */
const INTERNAL = 'rf-internal';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  heading2: boolean;
  heading3: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
  footnote: boolean;
  inTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const NO_STATE: ToolbarState = {
  bold: false,
  italic: false,
  heading2: false,
  heading3: false,
  bulletList: false,
  orderedList: false,
  link: false,
  footnote: false,
  inTable: false,
  canUndo: false,
  canRedo: false,
};

/**
 * A rich-text editor on Tiptap (ProseMirror), with a toolbar of real buttons. It reads and writes
 * the document model of libs/domain: `content` is shown once when the editor starts (later
 * changes come in through `setContent`), `read()` gives the document as it is now, sanitized.
 * Pasted HTML (Word, Outlook, web pages) keeps headings, lists, bold, italic, links and tables;
 * the rest is dropped. Shortcuts: Ctrl+B, Ctrl+I, Ctrl+K (link), Ctrl+Alt+F (footnote),
 * Ctrl+Alt+2/3 (headings), Ctrl+Shift+8/7 (lists), Ctrl+Z and Ctrl+Shift+Z or Ctrl+Y.
 */
@Component({
  selector: 'rf-rich-text-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // ProseMirror writes the text's DOM itself, out of Angular's reach: the styles are scoped by the selector.
  encapsulation: ViewEncapsulation.None,
  template: `
    <div class="toolbar" role="toolbar" [attr.aria-label]="'Formatering av ' + label()" [attr.aria-controls]="editorId">
      <button
        type="button"
        [disabled]="readonly()"
        [attr.aria-pressed]="state().heading2"
        aria-keyshortcuts="Control+Alt+2"
        (mousedown)="keepSelection($event)"
        (click)="heading(2)"
      >
        Rubrik
      </button>
      <button
        type="button"
        [disabled]="readonly()"
        [attr.aria-pressed]="state().heading3"
        aria-keyshortcuts="Control+Alt+3"
        (mousedown)="keepSelection($event)"
        (click)="heading(3)"
      >
        Underrubrik
      </button>
      <button
        type="button"
        [disabled]="readonly()"
        [attr.aria-pressed]="state().bold"
        aria-keyshortcuts="Control+B"
        (mousedown)="keepSelection($event)"
        (click)="toggle('bold')"
      >
        <strong>Fetstil</strong>
      </button>
      <button
        type="button"
        [disabled]="readonly()"
        [attr.aria-pressed]="state().italic"
        aria-keyshortcuts="Control+I"
        (mousedown)="keepSelection($event)"
        (click)="toggle('italic')"
      >
        <em>Kursiv</em>
      </button>
      <button
        type="button"
        [disabled]="readonly()"
        [attr.aria-pressed]="state().bulletList"
        aria-keyshortcuts="Control+Shift+8"
        (mousedown)="keepSelection($event)"
        (click)="toggle('bulletList')"
      >
        Punktlista
      </button>
      <button
        type="button"
        [disabled]="readonly()"
        [attr.aria-pressed]="state().orderedList"
        aria-keyshortcuts="Control+Shift+7"
        (mousedown)="keepSelection($event)"
        (click)="toggle('orderedList')"
      >
        Numrerad lista
      </button>
      <button
        type="button"
        [disabled]="readonly()"
        [attr.aria-pressed]="state().link"
        aria-keyshortcuts="Control+K"
        (mousedown)="keepSelection($event)"
        (click)="link()"
      >
        Länk
      </button>
      <button type="button" [disabled]="readonly()" (mousedown)="keepSelection($event)" (click)="table()">
        Tabell
      </button>
      @if (state().inTable && !readonly()) {
        <button type="button" (mousedown)="keepSelection($event)" (click)="tableCommand('addRowAfter')">Ny rad</button>
        <button type="button" (mousedown)="keepSelection($event)" (click)="tableCommand('addColumnAfter')">
          Ny kolumn
        </button>
        <button type="button" (mousedown)="keepSelection($event)" (click)="tableCommand('deleteRow')">
          Ta bort rad
        </button>
        <button type="button" (mousedown)="keepSelection($event)" (click)="tableCommand('deleteColumn')">
          Ta bort kolumn
        </button>
      }
      <button
        type="button"
        [disabled]="readonly()"
        [attr.aria-pressed]="state().footnote"
        aria-keyshortcuts="Control+Alt+F"
        (mousedown)="keepSelection($event)"
        (click)="footnote()"
      >
        Fotnot
      </button>
      <button
        type="button"
        [disabled]="readonly() || !state().canUndo"
        aria-keyshortcuts="Control+Z"
        (mousedown)="keepSelection($event)"
        (click)="history('undo')"
      >
        Ångra
      </button>
      <button
        type="button"
        [disabled]="readonly() || !state().canRedo"
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        (mousedown)="keepSelection($event)"
        (click)="history('redo')"
      >
        Gör om
      </button>
    </div>
    @if (toolbarError()) {
      <p class="error" role="alert">{{ toolbarError() }}</p>
    }
    <div #host class="editor-host"></div>
    @if (notes().length > 0) {
      <div class="notes">
        <h3 class="notes-title" [id]="editorId + '-notes'">Fotnoter</h3>
        <ol [attr.aria-labelledby]="editorId + '-notes'">
          @for (note of notes(); track $index) {
            <li>{{ note }}</li>
          }
        </ol>
      </div>
    }
  `,
  styles: `
    rf-rich-text-editor {
      display: block;
    }
    rf-rich-text-editor .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      padding: 0.375rem;
      border: 1px solid var(--mat-sys-outline);
      border-bottom: none;
      border-radius: 0.5rem 0.5rem 0 0;
      background: var(--mat-sys-surface-container);
    }
    ${plainButtonStyles('rf-rich-text-editor .toolbar button')}
    rf-rich-text-editor .toolbar button:hover:not(:disabled) {
      background: var(--mat-sys-surface-container-highest);
    }
    rf-rich-text-editor .toolbar button[aria-pressed='true'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    rf-rich-text-editor .toolbar button:disabled {
      cursor: default;
      color: var(--mat-sys-on-surface-variant);
    }
    rf-rich-text-editor .editable {
      position: relative;
      min-height: 14rem;
      max-height: 70vh;
      overflow-y: auto;
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 0 0 0.5rem 0.5rem;
      background: var(--mat-sys-surface);
      white-space: pre-wrap;
      white-space: break-spaces;
      overflow-wrap: break-word;
      font-variant-ligatures: none;
    }
    rf-rich-text-editor .editable:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
    rf-rich-text-editor .editable[aria-readonly='true'] {
      background: var(--mat-sys-surface-container-low);
    }
    rf-rich-text-editor .editable li {
      position: relative;
    }
    rf-rich-text-editor .editable .selectedCell {
      background: var(--mat-sys-secondary-container);
    }
    rf-rich-text-editor .ProseMirror-hideselection *::selection {
      background: transparent;
    }
    rf-rich-text-editor .ProseMirror-hideselection {
      caret-color: transparent;
    }
    rf-rich-text-editor .ProseMirror-gapcursor {
      display: none;
      pointer-events: none;
      position: absolute;
    }
    rf-rich-text-editor .ProseMirror-gapcursor::after {
      content: '';
      display: block;
      position: absolute;
      top: -2px;
      width: 20px;
      border-top: 1px solid var(--mat-sys-on-surface);
    }
    rf-rich-text-editor .ProseMirror-focused .ProseMirror-gapcursor {
      display: block;
    }
    rf-rich-text-editor .notes {
      margin-top: 0.5rem;
      font: var(--mat-sys-body-small);
    }
    rf-rich-text-editor .notes-title {
      font: var(--mat-sys-label-large);
      margin: 0 0 0.25rem;
    }
    rf-rich-text-editor .notes ol {
      margin: 0;
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
  protected readonly state = signal<ToolbarState>(NO_STATE);
  /** The footnotes' texts in order, shown under the text (the markers in it are numbered alike). */
  protected readonly notes = signal<string[]>([]);

  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private editor: Editor | null = null;
  /** The last state, kept: the text can still be read while the page is being left. */
  private lastState: EditorState | null = null;

  constructor() {
    effect(() => {
      const editable = !this.readonly();
      // The accessible name and description follow the inputs.
      this.label();
      this.describedBy();
      const editor = this.editor;
      if (!editor || editor.isDestroyed) return;
      untracked(() => {
        editor.setEditable(editable, false);
        editor.view.setProps({ attributes: this.attributes() });
      });
    });
    inject(DestroyRef).onDestroy(() => this.editor?.destroy());
  }

  ngAfterViewInit(): void {
    const shortcuts = Extension.create({
      name: 'rfShortcuts',
      addKeyboardShortcuts: () => ({
        'Mod-k': () => {
          this.link();
          return true;
        },
        'Mod-Alt-f': () => {
          this.footnote();
          return true;
        },
      }),
    });
    const editor = new Editor({
      element: this.host().nativeElement,
      extensions: [...richTextExtensions(), shortcuts],
      content: documentToProseMirror(untracked(this.content)),
      editable: !untracked(this.readonly),
      injectCSS: false,
      enableInputRules: true,
      editorProps: {
        attributes: this.attributes(),
        transformPastedHTML: (html) => cleanPastedHtml(html),
        transformPasted: (slice) => withoutParagraphIds(slice),
      },
      onUpdate: ({ transaction }) => {
        if (!transaction.getMeta(INTERNAL)) this.changed.emit();
      },
      onTransaction: ({ editor: current }) => this.refresh(current),
      onBlur: () => this.blurred.emit(),
    });
    this.editor = editor;
    this.refresh(editor);
  }

  /** Replaces what the editor shows (and forgets the undo history: it belonged to other text). */
  setContent(doc: RichTextDocument): void {
    const editor = this.editor;
    if (!editor || editor.isDestroyed) return;
    const node = editor.schema.nodeFromJSON(documentToProseMirror(doc));
    editor.view.updateState(EditorState.create({ doc: node, plugins: editor.state.plugins }));
    this.refresh(editor);
  }

  /**
   * The document as it is now, sanitized. Paragraphs that got a new id keep it (it is written into
   * the editor's document), so comments stay anchored across saves.
   */
  read(): SanitizeRichTextResult {
    const editor = this.editor;
    if (!editor) return { ok: true, document: untracked(this.content), removed: [] };
    if (!editor.isDestroyed) this.assignParagraphIds(editor);
    const state = editor.isDestroyed ? this.lastState : editor.state;
    if (!state) return { ok: true, document: untracked(this.content), removed: [] };
    return sanitizeRichText(documentFromProseMirror(state.doc.toJSON() as JSONContent));
  }

  focus(): void {
    if (this.editor && !this.editor.isDestroyed) this.editor.commands.focus();
  }

  /** A mouse press on a toolbar button must not take the selection out of the text. */
  protected keepSelection(event: MouseEvent): void {
    event.preventDefault();
  }

  protected heading(level: 2 | 3): void {
    this.run((editor) => editor.chain().focus().toggleHeading({ level }).run());
  }

  protected toggle(what: 'bold' | 'italic' | 'bulletList' | 'orderedList'): void {
    this.run((editor) => {
      const chain = editor.chain().focus();
      if (what === 'bold') chain.toggleBold();
      else if (what === 'italic') chain.toggleItalic();
      else if (what === 'bulletList') chain.toggleBulletList();
      else chain.toggleOrderedList();
      chain.run();
    });
  }

  protected history(what: 'undo' | 'redo'): void {
    this.run((editor) => (what === 'undo' ? editor.chain().focus().undo().run() : editor.chain().focus().redo().run()));
  }

  protected link(): void {
    this.run((editor) => {
      const current = editor.getAttributes('link')['href'] as string | undefined;
      const answer = window.prompt('Adress för länken (https://…, http://… eller mailto:…)', current ?? 'https://');
      if (answer === null) return;
      const trimmed = answer.trim();
      if (trimmed === '' || trimmed === 'https://') {
        if (current !== undefined) editor.chain().focus().extendMarkRange('link').unsetLink().run();
        return;
      }
      const href = safeHref(answer);
      if (href === null) {
        this.toolbarError.set('Länken lades inte till: adressen måste börja med https://, http:// eller mailto:.');
        return;
      }
      if (editor.state.selection.empty && current === undefined) {
        editor
          .chain()
          .focus()
          .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
          .unsetMark('link')
          .run();
      } else {
        editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
      }
    });
  }

  /**
   * A footnote on the selected text, or on the word just before the caret; inside a footnote, its
   * text is changed (an empty text removes the footnote). Paragraphs and lists only, as the model has it.
   */
  protected footnote(): void {
    this.run((editor) => {
      if (editor.isActive('heading') || editor.isActive('table')) {
        this.toolbarError.set(
          'Fotnoten lades inte till: fotnoter kan stå i stycken och listor, inte i rubriker eller tabeller.',
        );
        return;
      }
      const { selection } = editor.state;
      const current = editor.getAttributes('footnote')['note'] as string | undefined;
      let range: { from: number; to: number } | null = selection.empty
        ? null
        : { from: selection.from, to: selection.to };
      if (range === null && current === undefined) {
        const { $from } = selection;
        const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
        const word = /[^\s\ufffc]+$/u.exec(before);
        if (word) range = { from: $from.pos - word[0].length, to: $from.pos };
      }
      if (range === null && current === undefined) {
        this.toolbarError.set(
          'Fotnoten lades inte till: markera texten som fotnoten gäller, eller ställ markören direkt efter ett ord.',
        );
        return;
      }
      const answer = window.prompt('Text för fotnoten', current ?? '');
      if (answer === null) return;
      const note = answer.replace(/\s+/g, ' ').trim();
      const chain = editor.chain().focus();
      if (range === null) chain.extendMarkRange('footnote');
      else chain.setTextSelection(range);
      if (note === '') chain.unsetMark('footnote');
      else chain.setMark('footnote', { note });
      if (range !== null) chain.setTextSelection(range.to);
      chain.run();
    });
  }

  /** A 2×2 table (a header row and a row) where the caret is; not in a list, where tables cannot stand. */
  protected table(): void {
    this.run((editor) => {
      if (editor.isActive('listItem')) {
        this.toolbarError.set('Tabellen lades inte till: tabeller kan inte stå i listor.');
        return;
      }
      editor.chain().focus().insertTable({ rows: 2, cols: 2, withHeaderRow: true }).run();
    });
  }

  protected tableCommand(command: 'addRowAfter' | 'addColumnAfter' | 'deleteRow' | 'deleteColumn'): void {
    this.run((editor) => editor.chain().focus()[command]().run());
  }

  private attributes(): Record<string, string> {
    const attributes: Record<string, string> = {
      id: this.editorId,
      class: 'editable rich-content',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': untracked(this.label),
    };
    const describedBy = untracked(this.describedBy);
    if (describedBy) attributes['aria-describedby'] = describedBy;
    if (untracked(this.readonly)) attributes['aria-readonly'] = 'true';
    return attributes;
  }

  private run(action: (editor: Editor) => void): void {
    const editor = this.editor;
    if (!editor || editor.isDestroyed || this.readonly()) return;
    this.toolbarError.set(null);
    action(editor);
  }

  private assignParagraphIds(editor: Editor): void {
    const positions = paragraphsNeedingIds(editor.state.doc);
    if (positions.length === 0) return;
    const tr: Transaction = editor.state.tr;
    for (const pos of positions) tr.setNodeAttribute(pos, 'id', newParagraphId());
    tr.setMeta('addToHistory', false).setMeta(INTERNAL, true);
    editor.view.dispatch(tr);
  }

  private refresh(editor: Editor): void {
    if (editor.isDestroyed) return;
    this.lastState = editor.state;
    this.state.set({
      bold: editor.isActive('bold'),
      italic: editor.isActive('italic'),
      heading2: editor.isActive('heading', { level: 2 }),
      heading3: editor.isActive('heading', { level: 3 }),
      bulletList: editor.isActive('bulletList'),
      orderedList: editor.isActive('orderedList'),
      link: editor.isActive('link'),
      footnote: editor.isActive('footnote'),
      inTable: editor.isActive('table'),
      canUndo: editor.can().undo(),
      canRedo: editor.can().redo(),
    });
    const notes: string[] = [];
    let previous: string | null = null;
    editor.state.doc.descendants((node) => {
      if (node.isTextblock) previous = null;
      if (!node.isInline) return true;
      const mark = node.marks.find((m) => m.type.name === 'footnote');
      const note = mark ? String(mark.attrs['note'] ?? '') : null;
      if (note !== null && note !== previous) notes.push(note);
      previous = note;
      return false;
    });
    if (notes.join('\u0000') !== this.notes().join('\u0000')) this.notes.set(notes);
  }
}
