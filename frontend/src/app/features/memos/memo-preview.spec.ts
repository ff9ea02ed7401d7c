import type { MemoDto } from '@rapportflode/api-contract';
import { renderHtml } from '@rapportflode/documents';
import { emptyMemoContent } from '@rapportflode/domain';
import { memoPreviewHtml } from './memo-preview';

const memo: Pick<MemoDto, 'facts' | 'state' | 'version' | 'updatedAt'> = {
  facts: {
    preparedOn: '2021-09-24',
    diaryNumber: 'SN.2021.73',
    committee: 'Socialnämnden',
    municipality: 'Gnesta kommun',
    cycleTitle: 'Delårsrapport 2021',
    report: 'Delårsrapport 2021 Socialnämnden',
  },
  state: 'draft',
  version: 3,
  updatedAt: null,
};

describe('memoPreviewHtml', () => {
  const content = { ...emptyMemoContent(), title: 'Delårsrapport 2021', preparedOn: '2021-09-24', proposals: ['Socialnämnden godkänner <delårsrapporten>.'] };

  it('draws the memo with the shared renderer, escaping what was typed', () => {
    const result = memoPreviewHtml(content, memo, renderHtml);
    if (!result.ok) throw new Error(result.message);
    expect(result.html).toContain('Förslag till beslut');
    expect(result.html).toContain('&lt;delårsrapporten&gt;');
    expect(result.html).not.toContain('<delårsrapporten>');
  });

  it('shows a Swedish message when the renderer fails', () => {
    const result = memoPreviewHtml(content, memo, () => {
      throw new Error('not implemented');
    });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Förhandsgranskningen kan inte visas just nu') });
  });
});
