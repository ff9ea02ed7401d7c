import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, ElementRef, input, output, viewChild } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { Subject } from 'rxjs';
import { EDITOR_FIELD_STYLES } from './section-editor-base';
import { isBlock, parsePastedBlock } from './section-grid';

/**
 * A textarea as tall as its text: CSS `field-sizing: content` where the browser has it (the
 * styles in grid-cell.component.css), else its height set from its scrollHeight.
 */
export function fitTextarea(area: HTMLTextAreaElement): void {
  if (typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content')) return;
  area.style.height = 'auto';
  const borders = area.offsetHeight - area.clientHeight;
  area.style.height = `${area.scrollHeight + borders}px`;
}

/** One choice of a grid cell's select: the code stored and the text shown. */
export interface GridChoice {
  readonly value: string;
  readonly label: string;
}

/**
 * One cell of a section editor's grid (economy, sick leave, action plan, internal control,
 * goals, tables): a text input, a textarea that grows with its text when `multiline` (long-form
 * text: an åtgärd, a kommentar), or a select when `choices` are given, with its accessible name,
 * read-only while `locked`, and the check's message below it (aria-invalid, aria-describedby
 * pointing at the message). Content put inside the element goes between the field and the
 * message (the goals' assessment badge).
 *
 * What it reports: `edited` (the text as typed or the choice made), `committed` (a text input's
 * change, when it is left: the editor tidies a figure), `enter` (a plain Enter, its default
 * stopped) and `pastedBlock` (a block of more than one cell pasted from Excel, the ordinary paste
 * stopped). Enter and pastes are only taken where the editor listens for them; elsewhere they go
 * on as usual. In a multiline cell Enter is a new line, and only a paste with tabs (several
 * columns from Excel) is a block: lines of plain text stay in the cell.
 */
@Component({
  selector: 'rf-grid-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './grid-cell.component.html',
  styles: EDITOR_FIELD_STYLES,
  styleUrl: './grid-cell.component.css',
})
export class GridCellComponent {
  /** The field's id (its message's id is this with `-error`). */
  readonly cellId = input.required<string>();
  readonly value = input.required<string>();
  /** The field's accessible name (`Budget, rad 1`). */
  readonly label = input.required<string>();
  readonly error = input<string | null>(null);
  readonly locked = input(false);
  /** The input's classes (`number`, `text`, `wide`, `label-input`). */
  readonly inputClass = input<string | null>(null);
  readonly inputmode = input<string | null>(null);
  readonly autocomplete = input<string | null>('off');
  /** A select of these choices instead of a text input. */
  readonly choices = input<readonly GridChoice[] | null>(null);
  /** The select's first, empty choice (`Välj status`); none when null. */
  readonly emptyChoice = input<string | null>(null);
  /** A textarea that grows with its content instead of a one-line input. */
  readonly multiline = input(false);

  readonly edited = output<string>();
  readonly committed = output<void>();
  private readonly enters = new Subject<void>();
  private readonly blocks = new Subject<string[][]>();
  readonly enter = outputFromObservable(this.enters);
  readonly pastedBlock = outputFromObservable(this.blocks);

  protected readonly errorId = computed(() => (this.error() ? `${this.cellId()}-error` : null));
  private readonly area = viewChild<ElementRef<HTMLTextAreaElement>>('area');

  constructor() {
    // The fallback height follows the value however it changes (typed, pasted, loaded).
    afterRenderEffect(() => {
      this.value();
      const area = this.area()?.nativeElement;
      if (area) fitTextarea(area);
    });
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
  }

  protected keydown(event: KeyboardEvent): void {
    if (!this.enters.observed || this.multiline()) return;
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.enters.next();
  }

  protected paste(event: ClipboardEvent): void {
    if (!this.blocks.observed) return;
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    if (this.multiline() && !pasted.includes('\t')) return;
    const block = parsePastedBlock(pasted);
    if (!isBlock(block)) return;
    event.preventDefault();
    this.blocks.next(block);
  }
}
