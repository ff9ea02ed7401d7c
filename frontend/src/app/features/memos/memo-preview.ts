import type { MemoDto } from '@rapportflode/api-contract';
import { type DocumentModel, type HtmlOptions, memoModel } from '@rapportflode/documents';
import type { MemoContent } from '@rapportflode/domain';

export type PreviewResult = { ok: true; html: string } | { ok: false; message: string };

/**
 * The preview page of the memo as the form holds it: the same document model the downloads are
 * rendered from, drawn by the shared HTML renderer. Always a draft (UTKAST) unless approved.
 */
export function memoPreviewHtml(
  content: MemoContent,
  memo: Pick<MemoDto, 'facts' | 'state' | 'version' | 'updatedAt'>,
  render: (model: DocumentModel, options: HtmlOptions) => string,
): PreviewResult {
  const model = memoModel(content, {
    committee: memo.facts.committee,
    municipality: memo.facts.municipality,
    diaryNumber: memo.facts.diaryNumber,
    report: memo.facts.report,
    status:
      memo.state === 'approved'
        ? { kind: 'final', version: memo.version, frozenAt: memo.updatedAt ?? '', checksum: '' }
        : { kind: 'draft', missing: [] },
  });
  try {
    return { ok: true, html: render(model, { target: 'preview' }) };
  } catch {
    return { ok: false, message: 'Förhandsgranskningen kan inte visas just nu. Ladda ned tjänsteskrivelsen som HTML, PDF eller Word i stället.' };
  }
}
