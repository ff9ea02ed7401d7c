import { Injectable } from '@nestjs/common';
import type { MemoDocumentFormat, MemoFactsDto } from '@rapportflode/api-contract';
import { type DocumentModel, type DocumentStatus, memoModel } from '@rapportflode/documents';
import { type MemoContent, periodLabel } from '@rapportflode/domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CycleHeader, CycleHeaders } from '../cycles/cycle-headers';
import { DocumentRenderer } from '../documents/document-renderer.service';
import { MemoDrafts } from './memo-drafts';
import { MemosRepository } from './memos.repository';

/** The memo's facts from the cycle: shown with it, never stored in its content. */
export function memoFacts(cycle: CycleHeader, content: MemoContent): MemoFactsDto {
  return {
    preparedOn: content.preparedOn,
    diaryNumber: cycle.diaryNumber || null,
    committee: cycle.committee,
    municipality: cycle.municipality,
    cycleTitle: cycle.title,
    report: `${cycle.title} ${cycle.committee}`,
  };
}

/** The tjänsteskrivelse's document model and its files. */
@Injectable()
export class MemoDocuments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MemosRepository,
    private readonly cycles: CycleHeaders,
    private readonly drafts: MemoDrafts,
    private readonly renderer: DocumentRenderer,
  ) {}

  /** The memo's document model: draft (UTKAST) unless approved. */
  async model(cycleId: string): Promise<{ model: DocumentModel; cycle: CycleHeader }> {
    const manager = this.dataSource.manager;
    const cycle = await this.cycles.get(manager, cycleId);
    const row = await this.repository.find(cycleId, manager);
    const content = row?.content ?? (await this.drafts.prefill(manager, cycle));
    const status: DocumentStatus =
      row?.state === 'approved'
        ? {
            kind: 'final',
            version: row.version,
            frozenAt: row.state_changed_at.toISOString(),
            checksum: createHash('sha256').update(JSON.stringify(row.content)).digest('hex'),
          }
        : { kind: 'draft', missing: [] };
    const facts = memoFacts(cycle, content);
    return {
      cycle,
      model: memoModel(content, { committee: cycle.committee, municipality: cycle.municipality, diaryNumber: facts.diaryNumber, report: facts.report, status }),
    };
  }

  /** The memo as a file: name parts for contentDisposition, and the bytes. */
  async document(cycleId: string, format: MemoDocumentFormat): Promise<{ body: Buffer; nameParts: string[] }> {
    const { model, cycle } = await this.model(cycleId);
    const nameParts = ['Tjänsteskrivelse', cycle.title, periodLabel(cycle.reportKind, cycle.periodEnd)];
    if (format === 'html') return { body: Buffer.from(this.renderer.html(model, 'standalone'), 'utf8'), nameParts };
    if (format === 'docx') return { body: await this.renderer.docx(model), nameParts };
    return { body: await this.renderer.pdf(model), nameParts };
  }
}
