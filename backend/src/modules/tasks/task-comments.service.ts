import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentRowAnchor, CreateCommentRequest, TaskCommentDto } from '@rapportflode/api-contract';
import { checkRowAnchor, paragraphTexts } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { NotificationsService } from '../notifications/notifications.service';
import { TaskCommentsRepository } from './task-comments.repository';
import { TasksRepository } from './tasks.repository';

const CommentErrors = {
  empty: () => new DomainError('comment_empty', 'Skriv en kommentar.'),
  parent: () => new DomainError('comment_parent_invalid', 'Kommentaren du svarar på finns inte på den här uppgiften.'),
  anchor: () => new DomainError('comment_anchor_invalid', 'Stycket kommentaren gäller finns inte längre i texten.'),
  rowAnchor: (message: string) => new DomainError('comment_anchor_invalid', message),
  bothAnchors: () => new DomainError('comment_anchor_invalid', 'En kommentar gäller antingen ett stycke eller en rad, inte båda.'),
  notFound: () => new DomainError('comment_not_found', 'Kommentaren finns inte.'),
};

/** Comments on a task: threads, optionally on a paragraph, resolved or open; the people they concern are notified in-app. */
@Injectable()
export class TaskCommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: TaskCommentsRepository,
    private readonly tasks: TasksRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async list(manager: EntityManager, taskId: string): Promise<TaskCommentDto[]> {
    const rows = await this.repository.list(manager, taskId);
    return rows.map(({ resolved_at, createdAt, ...rest }) => ({
      ...rest,
      createdAt: createdAt.toISOString(),
      resolved: resolved_at !== null,
    }));
  }

  /** A comment or a reply, optionally on a paragraph; the people it concerns are notified in-app. */
  async add(id: string, body: CreateCommentRequest, actor: { userId: string }): Promise<TaskCommentDto> {
    const text = body.body.trim();
    if (!text) throw CommentErrors.empty();
    const commentId = await this.dataSource.transaction(async (manager) => {
      const row = await this.tasks.row(manager, id);
      if (!row) throw new DomainError('not_found', 'Det som efterfrågades finns inte.');
      let parentId: string | null = null;
      let parentAuthor: string | null = null;
      if (body.parentId) {
        const parent = await this.repository.parent(manager, body.parentId, id);
        if (!parent) throw CommentErrors.parent();
        parentId = parent.parent_id ?? parent.id; // replies hang on the thread's first comment
        parentAuthor = parent.author_id;
      }
      if (body.anchor && (row.content.type !== 'doc' || !paragraphTexts(row.content).some((p) => p.id === body.anchor))) {
        throw CommentErrors.anchor();
      }
      let rowAnchor: CommentRowAnchor | null = null;
      if (body.rowAnchor !== undefined && body.rowAnchor !== null) {
        if (body.anchor) throw CommentErrors.bothAnchors();
        const checked = checkRowAnchor(row.content, row.section_config, body.rowAnchor);
        if (!checked.ok) throw CommentErrors.rowAnchor(checked.message);
        rowAnchor = checked.anchor;
      }
      const created = await this.repository.insert(manager, { taskId: id, parentId, anchor: body.anchor ?? null, rowAnchor, authorId: actor.userId, body: text });
      const author = await this.repository.authorName(manager, actor.userId);
      const lastEditor = await this.tasks.lastEditor(manager, id);
      const where = `${row.section_number} ${row.section_title} (${row.unit_name ?? 'nämndnivå'})`;
      const snippet = text.length > 120 ? `${text.slice(0, 117)}…` : text;
      await this.notifications.notify(
        manager,
        [parentAuthor, lastEditor].filter((u): u is string => Boolean(u)),
        actor.userId,
        'comment',
        `${author} kommenterade ${where}: ${snippet}`,
        id,
      );
      return created;
    });
    return (await this.list(this.dataSource.manager, id)).find((c) => c.id === commentId) as TaskCommentDto;
  }

  async setResolved(id: string, commentId: string, resolved: boolean, actor: { userId: string }): Promise<TaskCommentDto> {
    if (!(await this.repository.setResolved(id, commentId, resolved, actor.userId))) throw CommentErrors.notFound();
    return (await this.list(this.dataSource.manager, id)).find((c) => c.id === commentId) as TaskCommentDto;
  }
}
