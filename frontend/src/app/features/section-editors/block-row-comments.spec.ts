import { TestBed } from '@angular/core/testing';
import type { TaskCommentDto } from '@rapportflode/api-contract';
import { type BlocksContent, checkSectionConfig, commentableRows, type SectionConfig } from '@rapportflode/domain';
import { of } from 'rxjs';
import { ApiClient } from '../../core/api-client';
import { BlocksSectionComponent } from './blocks-section.component';
import { ROW_COMMENTS_HOST, RowComments } from './row-comments';

const tableConfig = { table: { columns: [{ key: 'namn', label: 'Bidrag', type: 'text' }, { key: 'belopp', label: 'Belopp tkr', type: 'number' }] } };
const config = (() => {
  const checked = checkSectionConfig('blocks', {
    blocks: {
      blocks: [
        { key: 'inledning', kind: 'narrative', title: 'Inledning' },
        { key: 'bidrag', kind: 'table', title: 'Statsbidrag', config: tableConfig },
        { key: 'avgifter', kind: 'table', title: 'Avgifter', config: tableConfig },
      ],
    },
  });
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.config as SectionConfig;
})();

// The same row key in both table blocks: each block's row has its own comments.
const content: BlocksContent = {
  type: 'blocks',
  blocks: {
    bidrag: { type: 'table', rows: [{ key: 'a', cells: { namn: 'Lärarlönelyftet', belopp: 300 } }] },
    avgifter: { type: 'table', rows: [{ key: 'a', cells: { namn: 'Maxtaxa', belopp: 120 } }] },
  },
};

const comment = (id: string, body: string, rowAnchor: TaskCommentDto['rowAnchor']): TaskCommentDto =>
  ({ id, parentId: null, anchor: null, rowAnchor, authorName: 'Eva Ekonom', authorId: 'u1', body, createdAt: '2026-09-01T10:00:00Z', resolved: false, resolvedByName: null }) as TaskCommentDto;

describe('row comments in a section of blocks', () => {
  async function section(addComment: jest.Mock) {
    TestBed.configureTestingModule({
      providers: [RowComments, { provide: ApiClient, useValue: { addComment } }, { provide: ROW_COMMENTS_HOST, useValue: { rowComments: () => true } }],
    });
    const comments = TestBed.inject(RowComments);
    comments.set({
      taskId: 't1',
      comments: [comment('c1', 'Gäller det hela året?', { kind: 'row', block: 'bidrag', rowKey: 'a' })],
      rows: commentableRows(content, config),
      canComment: true,
    });
    const fixture = TestBed.createComponent(BlocksSectionComponent);
    fixture.componentRef.setInput('title', '2 Statsbidrag');
    fixture.componentRef.setInput('content', content);
    fixture.componentRef.setInput('config', config);
    fixture.componentRef.setInput('readonly', true);
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  it('shows a comment beside its row in its own block only, and comments on a row with its block’s key', async () => {
    const addComment = jest.fn(() => of(comment('c2', 'Stämmer maxtaxan?', { kind: 'row', block: 'avgifter', rowKey: 'a' })));
    const { fixture, root } = await section(addComment);
    const bidrag = root.querySelector('[data-block="bidrag"]') as HTMLElement;
    const avgifter = root.querySelector('[data-block="avgifter"]') as HTMLElement;
    expect(bidrag.querySelector('#row-comments-bidrag--a')?.textContent).toContain('Gäller det hela året?');
    expect(bidrag.querySelector('.row-comment-marker')?.textContent).toContain('1');
    expect(avgifter.querySelector('.row-comment-marker')).toBeNull();
    expect(avgifter.textContent).not.toContain('Gäller det hela året?');

    const button = avgifter.querySelector('#row-comments-avgifter--a-button') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Kommentera raden Avgifter › Maxtaxa');
    button.click();
    await fixture.whenStable();
    const text = avgifter.querySelector('#row-comments-avgifter--a-text') as HTMLTextAreaElement;
    text.value = 'Stämmer maxtaxan?';
    text.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    (avgifter.querySelector('form.row-comment-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(addComment).toHaveBeenCalledWith('t1', { body: 'Stämmer maxtaxan?', rowAnchor: { kind: 'row', rowKey: 'a', block: 'avgifter' } });
  });
});
