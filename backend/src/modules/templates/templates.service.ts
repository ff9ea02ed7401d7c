import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportTemplateDto, ReportTemplateSummaryDto, SaveTemplateRequest, TemplateListResponse } from '@rapportflode/api-contract';
import {
  checkTemplateLayout,
  checkTemplateSections,
  grantCovers,
  RoleGrant,
  scopesFor,
  TemplateLayout,
  templateLayoutOf,
  TemplateSectionInput,
} from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { violatesConstraint } from '../../database/query';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { TemplateRow, TemplatesRepository } from './templates.repository';

export interface TemplateActor {
  userId: string;
  ip: string | null;
}

const TemplateErrors = {
  invalid: (errors: string[]) =>
    new DomainError( 'template_invalid', 'Mallens avsnitt är inte giltiga.', errors),
  duplicateName: (name: string) =>
    new DomainError( 'duplicate_template_name', `Nämnden har redan en mall som heter "${name}".`),
  committeeChanged: () =>
    new DomainError( 'template_committee_fixed', 'En mall kan inte flyttas till en annan nämnd. Skapa en ny mall i stället.'),
  committeeNotFound: () => new DomainError( 'committee_not_found', 'Nämnden finns inte.'),
  layoutInvalid: (errors: string[]) => new DomainError('template_invalid', 'Mallens utskriftsinställningar är inte giltiga.', errors),
};

/** The layout sent (checked by libs/domain), or undefined when none was sent (kept as stored). */
function checkedLayout(body: SaveTemplateRequest): TemplateLayout | undefined {
  if (body.layout === undefined) return undefined;
  const checked = checkTemplateLayout(body.layout);
  if (!checked.ok) throw TemplateErrors.layoutInvalid(checked.errors);
  return checked.layout;
}

function summary(row: TemplateRow): ReportTemplateSummaryDto {
  return {
    id: row.id,
    committeeId: row.committee_id,
    committeeName: row.committee_name,
    name: row.name,
    reportKind: row.report_kind,
    active: row.active,
    sectionCount: row.section_count,
  };
}

@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: TemplatesRepository,
    private readonly audit: AuditService,
  ) {}

  async create(body: SaveTemplateRequest, actor: TemplateActor): Promise<ReportTemplateDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.committeeExists(manager, body.committeeId))) throw TemplateErrors.committeeNotFound();
      const sections = await this.checkedSections(manager, body);
      const layout = checkedLayout(body);
      const templateId = await this.repository
        .insert(manager, body.committeeId, { name: body.name.trim(), reportKind: body.reportKind, active: body.active ?? true, layout })
        .catch((error: unknown) => {
          throw this.translate(error, body.name);
        });
      await this.repository.insertSections(manager, templateId, sections);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'template.create',
        entityType: 'template',
        entityId: templateId,
        committeeId: body.committeeId,
        after: { name: body.name, reportKind: body.reportKind, sections, ...(layout ? { layout } : {}) },
        ip: actor.ip,
      });
      return templateId;
    });
    return this.get(id);
  }

  /** Replaces the template's name, kind and sections. Running cycles keep the sections they opened with. */
  async update(id: string, body: SaveTemplateRequest, actor: TemplateActor): Promise<ReportTemplateDto> {
    const before = await this.get(id);
    if (before.committeeId !== body.committeeId) throw TemplateErrors.committeeChanged();
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lock(manager, id);
      const sections = await this.checkedSections(manager, body);
      const layout = checkedLayout(body);
      try {
        await this.repository.update(manager, id, { name: body.name.trim(), reportKind: body.reportKind, active: body.active ?? before.active, layout });
      } catch (error) {
        throw this.translate(error, body.name);
      }
      await this.repository.deleteSections(manager, id);
      await this.repository.insertSections(manager, id, sections);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'template.update',
        entityType: 'template',
        entityId: id,
        committeeId: body.committeeId,
        before: { name: before.name, reportKind: before.reportKind, active: before.active, sections: before.sections, layout: before.layout },
        after: { name: body.name, reportKind: body.reportKind, active: body.active ?? before.active, sections, layout: layout ?? before.layout },
        ip: actor.ip,
      });
    });
    return this.get(id);
  }

  /** The domain's checks, and chosen units that are active units of the template's own nämnd. */
  private async checkedSections(manager: EntityManager, body: SaveTemplateRequest): Promise<TemplateSectionInput[]> {
    const sections: TemplateSectionInput[] = body.sections.map((section) => ({
      key: section.key,
      parentKey: section.parentKey,
      title: section.title.trim(),
      kind: section.kind,
      responsibility: section.responsibility,
      reviewerRole: section.reviewerRole,
      writerRole: section.writerRole ?? null,
      unitIds: section.responsibility === 'chosen_units' ? [...new Set(section.unitIds ?? [])] : [],
      config: section.config ?? null,
      guidance: section.guidance ?? null,
      headingOnly: section.headingOnly ?? false,
      placement: section.placement ?? 'body',
    }));
    const checked = checkTemplateSections(sections);
    if (!checked.ok) throw TemplateErrors.invalid(checked.errors);
    const wanted = [...new Set(sections.flatMap((section) => section.unitIds ?? []))];
    if (wanted.length > 0) {
      const known = await this.repository.activeUnitIds(manager, wanted, body.committeeId);
      const errors = sections
        .filter((section) => (section.unitIds ?? []).some((unitId) => !known.has(unitId)))
        .map((section) => `Avsnittet "${section.title}" har valda enheter som inte är aktiva enheter i nämnden.`);
      if (errors.length) throw TemplateErrors.invalid(errors);
    }
    return checked.sections.map(({ number: _n, depth: _d, ...section }) => section);
  }

  private translate(error: unknown, name: string): unknown {
    if (violatesConstraint(error, 'uq_report_template_name')) {
      return TemplateErrors.duplicateName(name.trim());
    }
    return error;
  }

  /** Shared templates, and those of the committees where the person may read templates. */
  async list(grants: readonly RoleGrant[]): Promise<TemplateListResponse> {
    const rows = await this.repository.list();
    const scopes = scopesFor(grants, 'template.read');
    const visible = rows.filter(
      (row) => row.committee_id === null || scopes.some((g) => grantCovers(g, { committeeId: row.committee_id as string, unitPath: [] })),
    );
    return { templates: visible.map(summary) };
  }

  async get(id: string): Promise<ReportTemplateDto> {
    const row = (await this.repository.find(id)) as TemplateRow;
    const sections = await this.repository.sections(id);
    const checked = checkTemplateSections(
      sections.map((s) => ({
        key: s.key,
        parentKey: s.parent_key,
        title: s.title,
        kind: s.kind,
        responsibility: s.responsibility,
        reviewerRole: s.reviewer_role,
        writerRole: s.writer_role,
        unitIds: s.unit_ids,
        config: s.config,
        guidance: s.guidance,
        headingOnly: s.heading_only,
        placement: s.placement,
      })),
    );
    if (!checked.ok) throw new Error(`Stored template ${id} is invalid: ${checked.errors.join('; ')}`);
    return {
      ...summary(row),
      sections: checked.sections.map((s) => ({
        key: s.key,
        parentKey: s.parentKey,
        number: s.number,
        depth: s.depth,
        title: s.title,
        kind: s.kind,
        responsibility: s.responsibility,
        reviewerRole: s.reviewerRole,
        writerRole: s.writerRole ?? null,
        unitIds: [...(s.unitIds ?? [])],
        config: s.config ?? null,
        guidance: s.guidance ?? null,
        headingOnly: s.headingOnly === true,
        placement: s.placement ?? 'body',
      })),
      layout: templateLayoutOf(row.layout),
    };
  }
}
