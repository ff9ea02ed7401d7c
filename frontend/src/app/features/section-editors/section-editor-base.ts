import {
  afterNextRender,
  computed,
  Directive,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import type { SectionConfig, TaskContent } from '@rapportflode/domain';
import { plainButtonStyles } from '../../shared/button-styles';
import { FIGURE_TABLE_STYLES } from '../../shared/table-styles';
import { checkDraft } from './draft-check';
import type { SectionDraft } from './section-drafts';
import { fieldId, fieldRef, moveItem, nextRowKey, rowKeysOf, withoutRows } from './section-grid';

export type SectionRead = { ok: true; content: TaskContent; removed: string[] } | { ok: false; errors: string[] };

/**
 * What every editor of a section's figures (the structured editors and the economy table) shares
 * with the task page: the caption's title, read-only and locked (keeps the figures but stops
 * editing), changes and leaving reported, focus moved after an edit. Their grid cells are
 * grid-cell.component.ts (Enter and a block pasted from Excel come from there).
 */
@Directive()
export abstract class FigureEditorBase {
  /** The section's number and title (captions are built from it). */
  readonly title = input.required<string>();
  readonly readonly = input(false);
  readonly locked = input(false);
  readonly describedBy = input<string | null>(null);
  readonly changed = output<void>();
  readonly blurred = output<void>();

  protected readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly injector = inject(Injector);
  protected readonly editing = computed(() => !this.readonly());
  protected readonly pasteNote = signal('');

  /** Rows one of whose fields has lost focus (a row is a `[data-row]` element around its fields). */
  private readonly left = signal<ReadonlySet<string>>(new Set());
  /** Lämna in (or a save) was tried: every row's problems show. */
  private readonly revealed = signal(false);
  /** The row keys in the editor now (reactive). */
  protected abstract currentKeys(): ReadonlySet<string>;
  /** The row keys of the content the editor was given (reactive). */
  protected abstract givenKeys(): ReadonlySet<string>;
  /**
   * Rows added here that no field of has lost focus yet: their problems wait (a new row is not
   * marked before anyone typed), until a field of the row is left or Lämna in is tried.
   */
  protected readonly quiet = computed<ReadonlySet<string>>(() => {
    if (this.revealed() || this.readonly()) return new Set();
    const given = this.givenKeys();
    const left = this.left();
    return new Set([...this.currentKeys()].filter((key) => !given.has(key) && !left.has(key)));
  });

  constructor() {
    // Rows a paste filled were not typed one by one: their problems show at once.
    effect(() => {
      if (this.pasteNote()) untracked(() => this.left.set(new Set([...this.left(), ...this.currentKeys()])));
    });
  }

  /** Every row's problems show from now on (the page is about to hand in or save). */
  revealErrors(): void {
    this.revealed.set(true);
  }

  focus(): void {
    this.host.nativeElement.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
  }

  protected focusOut(event: FocusEvent): void {
    const row = (event.target as Element | null)?.closest?.('[data-row]')?.getAttribute('data-row');
    if (row && !this.left().has(row)) this.left.set(new Set([...this.left(), row]));
    const next = event.relatedTarget as Node | null;
    if (next && this.host.nativeElement.contains(next)) return;
    this.blurred.emit();
  }

  protected focusLater(id: string): void {
    this.afterRender(() => document.getElementById(id)?.focus());
  }

  protected afterRender(run: () => void): void {
    afterNextRender(run, { injector: this.injector });
  }

  /** After a row is removed: focus on the first "add" button below the grid. */
  protected focusAddButton(): void {
    this.afterRender(() => this.host.nativeElement.querySelector<HTMLElement>('.table-actions button')?.focus());
  }
}

/**
 * What the structured section editors (sick leave, action plan, internal control, goals,
 * tables) share: the draft being typed, the domain's check of it run live (messages at their
 * fields and in a list), reading it for the autosave, and Enter to the next row.
 * With `readonly` an editor shows `content` as it comes; otherwise `content` is read once
 * (later changes come through `setContent`).
 */
@Directive()
export abstract class SectionEditorBase<D extends SectionDraft> extends FigureEditorBase {
  readonly content = input.required<TaskContent>();
  readonly config = input<SectionConfig | null>(null);

  /** Prefix of the editor's input ids (unique per kind; one editor of a kind per page is editable). */
  protected abstract readonly prefix: string;

  protected abstract toDraft(config: SectionConfig | null, content: TaskContent): D;

  protected readonly draft = linkedSignal<D>(() => this.toDraft(this.config(), this.readonly() ? this.content() : untracked(this.content)));
  protected readonly check = computed(() => checkDraft(this.config(), this.draft()));
  /** The check as shown at the fields and in the list: new rows not left yet wait (see `quiet`). */
  protected readonly visible = computed(() => {
    const quiet = this.quiet();
    return quiet.size === 0 ? this.check() : checkDraft(this.config(), withoutRows(this.draft(), quiet));
  });
  private readonly given = linkedSignal(() => rowKeysOf(this.toDraft(this.config(), untracked(this.content))));

  protected currentKeys(): ReadonlySet<string> {
    return rowKeysOf(this.draft());
  }

  protected givenKeys(): ReadonlySet<string> {
    return this.given();
  }

  /** The content as it is now; not ok while the check finds anything. */
  read(): SectionRead {
    const check = untracked(this.check);
    return check.content ? { ok: true, content: check.content, removed: [] } : { ok: false, errors: check.messages };
  }

  setContent(content: TaskContent): void {
    const draft = this.toDraft(untracked(this.config), content);
    this.given.set(rowKeysOf(draft));
    this.draft.set(draft);
  }

  protected edit(change: (draft: D) => D): void {
    this.draft.update(change);
    this.changed.emit();
  }

  /** The input's id. */
  protected id(key: string, field: string): string {
    return fieldId(this.prefix, key, field);
  }

  /** The check's message for a field, or null. */
  protected error(key: string, field: string): string | null {
    return this.visible().at.get(fieldRef(key, field)) ?? null;
  }

  protected errorId(key: string, field: string): string | null {
    return this.error(key, field) ? `${this.id(key, field)}-error` : null;
  }

  /** After Enter in a grid cell: the same field in the next row (`order`: the row keys top to bottom). */
  protected next(order: readonly string[], key: string, field: string): void {
    const next = nextRowKey(order, key);
    if (next) document.getElementById(this.id(next, field))?.focus();
  }

  /** After a row is moved from `index` by `by` (of `count` rows): focus follows the row, on its button in the same direction (or the other one at the end). */
  protected focusMovedRow(index: number, by: number, count: number): void {
    const to = Math.min(count - 1, Math.max(0, index + by));
    this.afterRender(() => {
      const buttons = this.host.nativeElement.querySelectorAll('tbody tr')[to]?.querySelectorAll<HTMLButtonElement>('td.actions button');
      const preferred = buttons?.[by < 0 ? 0 : 1];
      (preferred && !preferred.disabled ? preferred : buttons?.[by < 0 ? 1 : 0])?.focus();
    });
  }
}

/** An editor of one list of rows (the action plan, the free table): a row removed, or moved up or down. */
@Directive()
export abstract class RowListEditorBase<D extends SectionDraft & { rows: { key: string }[] }> extends SectionEditorBase<D> {
  protected remove(key: string): void {
    this.edit((d) => ({ ...d, rows: d.rows.filter((r) => r.key !== key) }));
    this.focusAddButton();
  }

  protected move(index: number, by: number): void {
    this.edit((d) => ({ ...d, rows: moveItem(d.rows, index, by) }));
    this.focusMovedRow(index, by, this.draft().rows.length);
  }
}

/** The table frame the structured editors and the economy table share: captioned figure tables, cells aligned at the top. */
export const EDITOR_TABLE_STYLES = `
  ${FIGURE_TABLE_STYLES}
  :host {
    display: block;
  }
  caption {
    text-align: left;
    font: var(--mat-sys-title-medium);
    padding: 0.5rem 0;
  }
  th,
  td {
    vertical-align: top;
  }
  thead th {
    background: var(--mat-sys-surface-container);
  }
`;

/** The editors' inputs, an invalid one marked, and a message at its field. */
export const EDITOR_FIELD_STYLES = `
  input,
  select,
  textarea {
    font: inherit;
    color: var(--mat-sys-on-surface);
    background: var(--mat-sys-surface);
    border: 1px solid var(--mat-sys-outline);
    border-radius: 0.25rem;
    padding: 0.25rem 0.375rem;
    box-sizing: border-box;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--mat-sys-error);
  }
  .cell-error {
    display: block;
    white-space: normal;
    text-align: left;
    color: var(--mat-sys-error);
    font: var(--mat-sys-body-small);
  }
`;

/** The editors' buttons, the row of "add" buttons under a grid and the list of problems (as the economy table's). */
export const EDITOR_BUTTON_STYLES = `
  ${plainButtonStyles('button', '0.25rem 0.625rem')}
  button {
    margin: 0 0.25rem 0.25rem 0;
  }
  button:disabled {
    cursor: default;
    color: var(--mat-sys-on-surface-variant);
  }
  .table-actions {
    margin: 0.5rem 0;
  }
  .issues {
    color: var(--mat-sys-error);
  }
`;

/** The look the structured editors share. */
export const SECTION_EDITOR_STYLES = `
  ${EDITOR_TABLE_STYLES}
  th,
  td {
    text-align: left;
  }
  td.number,
  th.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  td.computed,
  tfoot td,
  tfoot th {
    background: var(--mat-sys-surface-container-low);
    font-weight: 600;
  }
  ${EDITOR_FIELD_STYLES}
  input,
  select,
  textarea {
    max-width: 100%;
  }
  input.number {
    width: 7rem;
    text-align: right;
  }
  input.text {
    width: 12rem;
  }
  input.wide,
  textarea.wide {
    width: min(24rem, 100%);
  }
  textarea {
    display: block;
    width: min(40rem, 100%);
  }
  .cell-error {
    max-width: 16rem;
  }
  label {
    display: block;
    font: var(--mat-sys-label-large);
    margin: 0.5rem 0 0.25rem;
  }
  ${EDITOR_BUTTON_STYLES}
  .actions {
    white-space: nowrap;
  }
  .before-submit {
    color: var(--mat-sys-on-surface-variant);
  }
  .muted {
    color: var(--mat-sys-on-surface-variant);
  }
  .pre {
    white-space: pre-wrap;
  }
`;
