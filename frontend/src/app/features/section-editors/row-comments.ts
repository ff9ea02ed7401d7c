import { computed, inject, Injectable, InjectionToken, signal } from '@angular/core';
import type { TaskCommentDto } from '@rapportflode/api-contract';
import { type CommentableRow, commentRowId } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { type CommentThread, commentThreads } from '../tasks/task-format';

/** Whether a structured section shows comments beside its rows (the task page's own table does, side-by-side views do not). */
export interface RowCommentsHost {
  rowComments(): boolean;
}

export const ROW_COMMENTS_HOST = new InjectionToken<RowCommentsHost>('ROW_COMMENTS_HOST');

/** The block a table's rows are in, in a section made of blocks (row-comment-block.directive.ts). */
export interface RowCommentBlock {
  block(): string | null;
}

export const ROW_COMMENT_BLOCK = new InjectionToken<RowCommentBlock>('ROW_COMMENT_BLOCK');

/** What the task page tells its table's rows about the comments. */
export interface RowCommentsState {
  taskId: string;
  comments: readonly TaskCommentDto[];
  rows: readonly CommentableRow[];
  /** Rows offer "Kommentera raden" (the read-only view a reviewer reads). */
  canComment: boolean;
}

/**
 * The comments on a task's table rows and cells, shared by the rows of whichever structured
 * editor is on the page: which threads belong to a row, which row's comment form is open, and
 * writing a comment on a row or one of its cells. Provided by the task page.
 */
@Injectable()
export class RowComments {
  private readonly api = inject(ApiClient);
  private readonly state = signal<RowCommentsState>({ taskId: '', comments: [], rows: [], canComment: false });
  /** A comment was added: the page keeps its task up to date and says so. */
  onSaved: (comment: TaskCommentDto) => void = () => undefined;

  /** The row whose comment form is open. */
  readonly open = signal<string | null>(null);
  readonly busy = signal(false);
  readonly canComment = computed(() => this.state().canComment);

  /** The rows by their id (libs/domain commentRowId: the row's key, with its block's in a section of blocks). */
  private readonly rows = computed(() => new Map(this.state().rows.map((row) => [commentRowId(row.key, row.block), row])));
  private readonly threads = computed(() => {
    const byRow = new Map<string, CommentThread[]>();
    for (const thread of commentThreads(this.state().comments)) {
      const anchor = thread.root.rowAnchor;
      if (!anchor?.rowKey) continue;
      const key = commentRowId(anchor.rowKey, anchor.block);
      byRow.set(key, [...(byRow.get(key) ?? []), thread]);
    }
    return byRow;
  });

  set(state: RowCommentsState): void {
    this.state.set(state);
  }

  /** A row by its id (commentRowId). */
  row(key: string): CommentableRow | undefined {
    return this.rows().get(key);
  }

  threadsOf(key: string): CommentThread[] {
    return this.threads().get(key) ?? [];
  }

  /** Writes a comment on the row (by its id, commentRowId) or one of its columns; the error to show when it was refused. */
  async post(rowId: string, column: string, body: string): Promise<string | null> {
    if (this.busy()) return null;
    this.busy.set(true);
    const row = this.rows().get(rowId);
    const rowKey = row?.key ?? rowId;
    try {
      const comment = await firstValueFrom(
        this.api.addComment(this.state().taskId, {
          body,
          rowAnchor: { kind: 'row', rowKey, ...(row?.block ? { block: row.block } : {}), ...(column ? { column } : {}) },
        }),
      );
      this.onSaved(comment);
      return null;
    } catch (error) {
      return errorMessage(error);
    } finally {
      this.busy.set(false);
    }
  }
}

/** The id of a row's comment region (its form's fields add `-text`, `-column`); a block's row: `row-comments-<block>--<row key>`. */
export function rowCommentsId(rowId: string): string {
  return `row-comments-${rowId.replace('/', '--')}`;
}
