import { ChangeDetectionStrategy, Component, computed, inject, Injector, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { CommentRowAnchor, CreateCommentRequest, TaskCommentDto } from '@rapportflode/api-contract';
import { commentableRows, commentRowId, rowAnchorText, type SectionConfig, type TaskContent } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { focusAfterRender } from '../../shared/workflow/focus';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { anchorOptions, commentThreads } from './task-format';

/** The task's comments as threads: a new comment (optionally about one paragraph), replies, resolved or open. */
@Component({
  selector: 'rf-task-comments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, SvDatePipe],
  templateUrl: './task-comments.component.html',
  styleUrls: ['../../shared/workflow/workflow-forms.css', './task-comments.component.css'],
})
export class TaskCommentsComponent {
  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);

  readonly taskId = input.required<string>();
  readonly comments = input.required<readonly TaskCommentDto[]>();
  /** The text the comments are about (its paragraphs are the anchors). */
  readonly content = input.required<TaskContent>();
  /** The section's layout (how a table's rows and columns are named). */
  readonly config = input<SectionConfig | null>(null);
  /** A comment was added or changed: the page keeps its task up to date. */
  readonly saved = output<TaskCommentDto>();
  /** What to tell the person (the page's live region). */
  readonly notice = output<string>();

  protected readonly threads = computed(() => commentThreads(this.comments()));
  protected readonly anchors = computed(() => {
    const content = this.content();
    return content.type === 'doc' ? anchorOptions(content) : [];
  });
  private readonly anchorTexts = computed(() => new Map(this.anchors().map((anchor) => [anchor.id, anchor.label])));
  /** A table's rows: what a comment can be about instead of a paragraph. */
  protected readonly rows = computed(() => {
    const content = this.content();
    return content.type === 'doc' ? [] : commentableRows(content, this.config());
  });
  protected readonly newComment = signal('');
  protected readonly newAnchor = signal('');
  protected readonly replyingTo = signal<string | null>(null);
  protected readonly replyText = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

  /** A workflow step succeeded on the page: an earlier refusal here no longer stands beside it. */
  clearError(): void {
    this.error.set(null);
  }

  protected anchorLabel(anchor: string | null): string | null {
    return anchor === null ? null : (this.anchorTexts().get(anchor) ?? null);
  }

  /** A row's value in the list of rows: its key, with its block's in a section of blocks (libs/domain commentRowId). */
  protected rowId(row: { key: string; block?: string }): string {
    return commentRowId(row.key, row.block);
  }

  /** `Gäller rad: Bemanning, kolumn Prognos` (null when the row is no longer in the table). */
  protected rowLabel(anchor: CommentRowAnchor | null): string | null {
    if (!anchor) return null;
    const row = this.rows().find((r) => r.key === anchor.rowKey && r.block === anchor.block);
    if (!row) return null;
    return rowAnchorText(row.name, anchor.column ? (row.columns.find((c) => c.key === anchor.column)?.label ?? anchor.column) : null);
  }

  protected startReply(comment: TaskCommentDto): void {
    this.replyingTo.set(comment.id);
    this.replyText.set('');
    focusAfterRender(this.injector, `reply-text-${comment.id}`);
  }

  protected cancelReply(comment: TaskCommentDto): void {
    this.replyingTo.set(null);
    focusAfterRender(this.injector, `reply-${comment.id}`);
  }

  protected async addComment(): Promise<void> {
    const body = this.newComment().trim();
    if (!body) {
      this.error.set('Skriv en kommentar först.');
      return;
    }
    const anchor = this.newAnchor();
    const row = this.rows().find((r) => this.rowId(r) === anchor);
    const rowAnchor = { kind: 'row' as const, rowKey: row?.key ?? anchor, ...(row?.block ? { block: row.block } : {}) };
    const place: Partial<CreateCommentRequest> = !anchor ? {} : this.content().type === 'doc' ? { anchor } : { rowAnchor };
    if (await this.post({ body, ...place })) {
      this.newComment.set('');
      this.newAnchor.set('');
      this.notice.emit('Kommentaren är tillagd.');
    }
  }

  protected async sendReply(parent: TaskCommentDto): Promise<void> {
    const body = this.replyText().trim();
    if (!body) {
      this.error.set('Skriv ett svar först.');
      return;
    }
    if (await this.post({ body, parentId: parent.id })) {
      this.replyingTo.set(null);
      this.replyText.set('');
      this.notice.emit(`Ditt svar till ${parent.authorName} är tillagt.`);
    }
  }

  private async post(request: CreateCommentRequest): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.saved.emit(await firstValueFrom(this.api.addComment(this.taskId(), request)));
      return true;
    } catch (error) {
      this.error.set(errorMessage(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  protected async setResolved(comment: TaskCommentDto, resolved: boolean): Promise<void> {
    this.error.set(null);
    try {
      this.saved.emit(await firstValueFrom(this.api.setCommentResolved(this.taskId(), comment.id, resolved)));
      this.notice.emit(resolved ? 'Kommentaren är markerad som löst.' : 'Kommentaren är öppen igen.');
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
