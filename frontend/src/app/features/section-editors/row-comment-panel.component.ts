import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { commentRowId } from '@rapportflode/domain';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { focusAfterRender } from '../../shared/workflow/focus';
import { ROW_COMMENT_BLOCK, ROW_COMMENTS_HOST, RowComments, rowCommentsId } from './row-comments';

/**
 * A row's comments, right below the row (as a table row of its own when placed on a `<tr>`):
 * each thread with its column, replies and whether it is resolved, and the comment form
 * "Kommentera raden" opened.
 */
@Component({
  selector: 'rf-row-comment-panel, tr[rf-row-comment-panel]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, NgTemplateOutlet, SvDatePipe],
  host: { '[hidden]': '!shown()', class: 'row-comment-panel' },
  template: `
    @if (shown()) {
      @if (inTable) {
        <td [attr.colspan]="colspan()"><ng-container *ngTemplateOutlet="body" /></td>
      } @else {
        <ng-container *ngTemplateOutlet="body" />
      }
    }
    <ng-template #body>
      <div class="row-comments" role="group" [id]="regionId()" [attr.aria-label]="'Kommentarer på raden ' + name()">
        @for (thread of threads(); track thread.root.id) {
          <div class="row-comment" [class.resolved]="thread.root.resolved">
            <p class="head">
              <strong>{{ thread.root.authorName }}</strong>
              <span class="time">{{ thread.root.createdAt | svDate: true }}</span>
              @if (columnLabel(thread.root.rowAnchor?.column); as column) {
                <span class="column">Kolumn: {{ column }}</span>
              }
              @if (thread.root.resolved) {
                <span class="column">Löst</span>
              }
            </p>
            <p class="body">{{ thread.root.body }}</p>
            @for (reply of thread.replies; track reply.id) {
              <p class="reply"><strong>{{ reply.authorName }}:</strong> {{ reply.body }}</p>
            }
          </div>
        }
        @if (open()) {
          <form class="row-comment-form" (ngSubmit)="send()" novalidate>
            <label [for]="regionId() + '-text'">Kommentar till raden {{ name() }}</label>
            <textarea [id]="regionId() + '-text'" name="text" rows="2" [(ngModel)]="text"></textarea>
            @if (columns().length > 0) {
              <label [for]="regionId() + '-column'">Gäller kolumn (valfritt)</label>
              <select [id]="regionId() + '-column'" name="column" [(ngModel)]="column">
                <option value="">Hela raden</option>
                @for (c of columns(); track c.key) {
                  <option [value]="c.key">{{ c.label }}</option>
                }
              </select>
            }
            @if (error()) {
              <p class="error" role="alert">{{ error() }}</p>
            }
            <div class="actions">
              <button matButton="filled" type="submit" [attr.aria-busy]="comments?.busy() || null">Lägg till kommentar</button>
              <button matButton="outlined" type="button" (click)="cancel()">Avbryt</button>
            </div>
          </form>
        }
      </div>
    </ng-template>
  `,
  styles: `
    .row-comments {
      margin: 0.25rem 0 0.5rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--mat-sys-secondary);
      background: var(--mat-sys-surface-container-low);
      text-align: start;
      white-space: normal;
    }
    .row-comment + .row-comment {
      margin-top: 0.5rem;
    }
    .row-comment.resolved {
      color: var(--mat-sys-on-surface-variant);
    }
    .head,
    .body,
    .reply {
      margin: 0 0 0.25rem;
    }
    .body {
      white-space: pre-wrap;
    }
    .reply {
      margin-inline-start: 1rem;
    }
    .time,
    .column {
      color: var(--mat-sys-on-surface-variant);
      margin-inline-start: 0.5rem;
    }
    .row-comment-form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      max-width: 40rem;
    }
    .row-comment-form textarea,
    .row-comment-form select {
      font: inherit;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      margin-top: 0.25rem;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class RowCommentPanelComponent {
  protected readonly comments = inject(RowComments, { optional: true });
  private readonly host = inject(ROW_COMMENTS_HOST, { optional: true });
  private readonly injector = inject(Injector);
  protected readonly inTable = (inject(ElementRef).nativeElement as HTMLElement).tagName === 'TR';

  readonly rowKey = input.required<string>();
  private readonly block = inject(ROW_COMMENT_BLOCK, { optional: true });
  /** The row's id among the section's rows: its key, with its block's in a section of blocks. */
  protected readonly rowId = computed(() => commentRowId(this.rowKey(), this.block?.block()));
  /** The table's column count (a panel on a `<tr>` spans them all). */
  readonly colspan = input(1);

  protected readonly text = signal('');
  protected readonly column = signal('');
  protected readonly error = signal<string | null>(null);

  private readonly row = computed(() => (this.host?.rowComments() ? this.comments?.row(this.rowId()) : undefined));
  protected readonly name = computed(() => this.row()?.name ?? '');
  protected readonly columns = computed(() => this.row()?.columns ?? []);
  protected readonly threads = computed(() => (this.row() ? (this.comments?.threadsOf(this.rowId()) ?? []) : []));
  protected readonly open = computed(() => this.row() !== undefined && this.comments?.open() === this.rowId());
  protected readonly shown = computed(() => this.threads().length > 0 || this.open());
  protected readonly regionId = computed(() => rowCommentsId(this.rowId()));

  protected columnLabel(key: string | undefined): string | null {
    return key ? (this.columns().find((c) => c.key === key)?.label ?? null) : null;
  }

  protected async send(): Promise<void> {
    if (!this.comments) return;
    const body = this.text().trim();
    if (!body) {
      this.error.set('Skriv en kommentar först.');
      return;
    }
    this.error.set(null);
    const refused = await this.comments.post(this.rowId(), this.column(), body);
    if (refused) {
      this.error.set(refused);
      return;
    }
    this.text.set('');
    this.column.set('');
    this.comments.open.set(null);
    focusAfterRender(this.injector, `${this.regionId()}-button`);
  }

  protected cancel(): void {
    this.error.set(null);
    this.comments?.open.set(null);
    focusAfterRender(this.injector, `${this.regionId()}-button`);
  }
}
