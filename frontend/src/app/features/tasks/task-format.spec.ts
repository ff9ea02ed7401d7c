import type { TaskCommentDto } from '@rapportflode/api-contract';
import type { RichTextDocument } from '@rapportflode/domain';
import { unreadText } from '../notifications/notifications.page';
import { savedAtText } from '../../shared/workflow/autosave';
import { anchorOptions, commentThreads, diffHeading, diffRounds } from './task-format';

function comment(id: string, parentId: string | null, createdAt: string): TaskCommentDto {
  return {
    id,
    parentId,
    anchor: null,
    rowAnchor: null,
    authorName: `Person ${id}`,
    authorId: `u-${id}`,
    body: `Text ${id}`,
    createdAt,
    resolved: false,
    resolvedByName: null,
  };
}

describe('task texts', () => {
  it('tells when everything was saved, in Stockholm time', () => {
    expect(savedAtText('2026-04-15T08:42:10Z')).toBe('Alla ändringar sparade kl. 10:42');
  });

  it('names the comparison of two submissions', () => {
    expect(diffHeading(0, 1)).toBe('Första inlämningen');
    expect(diffHeading(1, 2)).toBe('Ändringar sedan inlämning 1');
    expect(diffHeading(1, 3)).toBe('Ändringar från inlämning 1 till 3');
    expect(diffRounds([
      { round: 2, version: 5, submittedBy: 'A', submittedAt: '' },
      { round: 1, version: 2, submittedBy: 'A', submittedAt: '' },
    ])).toEqual([1, 2]);
  });

  it('counts unread notifications', () => {
    expect(unreadText(0)).toBe('Inga olästa notiser.');
    expect(unreadText(1)).toBe('1 oläst notis.');
    expect(unreadText(4)).toBe('4 olästa notiser.');
  });
});

describe('commentThreads', () => {
  it('groups replies (also replies to replies) under their first comment, oldest first', () => {
    const threads = commentThreads([
      comment('c', 'a', '2026-04-15T10:05:00Z'),
      comment('b', null, '2026-04-15T09:00:00Z'),
      comment('a', null, '2026-04-15T08:00:00Z'),
      comment('d', 'c', '2026-04-15T10:10:00Z'),
      comment('e', 'missing', '2026-04-15T11:00:00Z'),
    ]);
    expect(threads.map((thread) => [thread.root.id, thread.replies.map((reply) => reply.id)])).toEqual([
      ['a', ['c', 'd']],
      ['b', []],
      ['e', []],
    ]);
  });
});

describe('anchorOptions', () => {
  it('lists paragraphs with an id and text, shortened to about 60 characters', () => {
    const long = 'Antalet personer utsatta för våld i nära relationer som söker stöd har ökat.';
    const doc: RichTextDocument = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', level: 2, content: [{ type: 'text', text: 'Rubrik' }] },
        { type: 'paragraph', id: 'p-1', content: [{ type: 'text', text: long }] },
        { type: 'paragraph', id: 'p-empty', content: [] },
        { type: 'paragraph', content: [{ type: 'text', text: 'utan id' }] },
        { type: 'bullet_list', items: [[{ type: 'paragraph', id: 'p-2', content: [{ type: 'text', text: 'punkt\nrad två' }] }]] },
      ],
    };
    const options = anchorOptions(doc);
    expect(options.map((option) => option.id)).toEqual(['p-1', 'p-2']);
    expect(options[0].label.length).toBeLessThanOrEqual(60);
    expect(options[0].label.endsWith('…')).toBe(true);
    expect(options[1].label).toBe('punkt rad två');
  });
});
