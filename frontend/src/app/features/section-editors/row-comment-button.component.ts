import { ChangeDetectionStrategy, Component, computed, inject, Injector, input } from '@angular/core';
import { commentRowId } from '@rapportflode/domain';
import { focusAfterRender } from '../../shared/workflow/focus';
import { ROW_COMMENT_BLOCK, ROW_COMMENTS_HOST, RowComments, rowCommentsId } from './row-comments';

/**
 * In a table row's first cell: how many comments the row has (a marker) and, in the read-only
 * view, "Kommentera raden", which opens the comment form in the row's comment region.
 */
@Component({
  selector: 'rf-row-comment-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (active()) {
      <span class="row-comment-tools">
        @if (count() > 0) {
          <a class="row-comment-marker" [href]="'#' + regionId()">
            <span aria-hidden="true">💬 </span>{{ count() }}<span class="visually-hidden">
              {{ count() === 1 ? 'kommentar' : 'kommentarer' }} på raden {{ name() }}</span
            >
          </a>
        }
        @if (comments?.canComment()) {
          <button
            type="button"
            class="row-comment-button"
            [id]="regionId() + '-button'"
            [attr.aria-label]="'Kommentera raden ' + name()"
            [attr.aria-expanded]="open()"
            [attr.aria-controls]="open() ? regionId() : null"
            (click)="toggle()"
          >
            Kommentera raden
          </button>
        }
      </span>
    }
  `,
  styles: `
    .row-comment-tools {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      align-items: center;
      margin-inline-start: 0.5rem;
      font-weight: normal;
    }
    .row-comment-marker {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-secondary-container);
      background: var(--mat-sys-secondary-container);
      border-radius: 1rem;
      padding: 0.125rem 0.5rem;
      text-decoration: none;
    }
    .row-comment-button {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface);
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline);
      border-radius: 0.25rem;
      padding: 0.125rem 0.5rem;
      cursor: pointer;
      white-space: nowrap;
    }
  `,
})
export class RowCommentButtonComponent {
  protected readonly comments = inject(RowComments, { optional: true });
  private readonly host = inject(ROW_COMMENTS_HOST, { optional: true });
  private readonly injector = inject(Injector);

  readonly rowKey = input.required<string>();
  private readonly block = inject(ROW_COMMENT_BLOCK, { optional: true });
  /** The row's id among the section's rows: its key, with its block's in a section of blocks. */
  protected readonly rowId = computed(() => commentRowId(this.rowKey(), this.block?.block()));

  protected readonly active = computed(() => this.comments !== null && this.host?.rowComments() === true && this.comments.row(this.rowId()) !== undefined);
  protected readonly name = computed(() => this.comments?.row(this.rowId())?.name ?? '');
  protected readonly count = computed(() => this.comments?.threadsOf(this.rowId()).length ?? 0);
  protected readonly open = computed(() => this.comments?.open() === this.rowId());
  protected readonly regionId = computed(() => rowCommentsId(this.rowId()));

  protected toggle(): void {
    if (!this.comments) return;
    if (this.open()) {
      this.comments.open.set(null);
      return;
    }
    this.comments.open.set(this.rowId());
    focusAfterRender(this.injector, `${this.regionId()}-text`);
  }
}
