import type { TaskCommentDto, TaskSnapshotSummaryDto } from '@rapportflode/api-contract';
import { paragraphTexts, type RichTextDocument } from '@rapportflode/domain';

/** The heading of the diff: `Första inlämningen` from empty, else `Ändringar sedan inlämning 1`. */
export function diffHeading(from: number, to: number): string {
  if (from === 0) return to <= 1 ? 'Första inlämningen' : `Inlämning ${to} jämförd med tom text`;
  return to === from + 1 ? `Ändringar sedan inlämning ${from}` : `Ändringar från inlämning ${from} till ${to}`;
}

export interface CommentThread {
  root: TaskCommentDto;
  replies: TaskCommentDto[];
}

/**
 * Comments as threads: each top-level comment with every reply below it (replies to replies
 * included), oldest first. A reply whose parent is missing starts a thread of its own.
 */
export function commentThreads(comments: readonly TaskCommentDto[]): CommentThread[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const rootOf = (comment: TaskCommentDto): TaskCommentDto => {
    let current = comment;
    const seen = new Set<string>();
    while (current.parentId !== null && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId) as TaskCommentDto;
    }
    return current;
  };
  const byTime = (a: TaskCommentDto, b: TaskCommentDto) => a.createdAt.localeCompare(b.createdAt);
  const threads = new Map<string, CommentThread>();
  for (const comment of [...comments].sort(byTime)) {
    const root = rootOf(comment);
    const thread = threads.get(root.id) ?? { root, replies: [] };
    threads.set(root.id, thread);
    if (root.id !== comment.id) thread.replies.push(comment);
  }
  return [...threads.values()].sort((a, b) => byTime(a.root, b.root));
}

/** The paragraphs a comment can be about: those with an id and some text, shortened to ~60 characters. */
export function anchorOptions(doc: RichTextDocument, max = 60): Array<{ id: string; label: string }> {
  return paragraphTexts(doc)
    .filter((paragraph): paragraph is { id: string; text: string } => paragraph.id !== null && paragraph.text.trim() !== '')
    .map(({ id, text }) => {
      const oneLine = text.replace(/\s+/g, ' ').trim();
      return { id, label: oneLine.length > max ? `${oneLine.slice(0, max - 1).trimEnd()}…` : oneLine };
    });
}

/** The rounds a diff can compare: every submission; `from` also the empty text (0). */
export function diffRounds(snapshots: readonly TaskSnapshotSummaryDto[]): number[] {
  return [...new Set(snapshots.map((snapshot) => snapshot.round))].sort((a, b) => a - b);
}
