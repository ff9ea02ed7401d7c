import { emptyMemoContent } from '@rapportflode/domain';
import { renderDocx } from '../docx';
import { memoModel } from '../lib/memo-model';
import { paragraphsOf, unzip } from '../../testing/read-docx';

describe('renderDocx, a memo whose body has its own title', () => {
  it('prints the title once as Heading 1, after the header facts', async () => {
    const model = memoModel(
      { ...emptyMemoContent(), title: 'Delårsrapport 2021', preparedOn: '2021-09-24', proposals: ['Socialnämnden godkänner delårsrapporten.'] },
      { committee: 'Socialnämnden', municipality: 'Gnesta kommun', diaryNumber: 'SN.2021.73', report: 'Delårsrapport 2021', status: { kind: 'draft', missing: [] } },
    );
    const document = unzip(await renderDocx(model)).get('word/document.xml') ?? '';
    const paragraphs = paragraphsOf(document);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Delårsrapport 2021']);
    expect(document.indexOf('Upprättad')).toBeLessThan(document.indexOf('Delårsrapport 2021'));
  });
});
