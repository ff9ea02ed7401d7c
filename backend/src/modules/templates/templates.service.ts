import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportTemplateDto, ReportTemplateSummaryDto, SaveTemplateRequest, TemplateListResponse } from '@rapportflode/api-contract';
import { checkTemplateSections, grantCovers, RoleGrant, scopesFor, SectionConfig, TemplateSectionInput } from '@rapportflode/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';

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
};

interface TemplateRow {
  id: string;
  committee_id: string | null;
  committee_name: string | null;
  name: string;
  report_kind: ReportTemplateSummaryDto['reportKind'];
  active: boolean;
  section_count: number;
}

const TEMPLATE_SQL = `
  SELECT t.id, t.committee_id, c.name || ', ' || c.municipality AS committee_name, t.name, t.report_kind, t.active,
         (SELECT count(*)::int FROM template_section s WHERE s.template_id = t.id) AS section_count
    FROM report_template t LEFT JOIN committee c ON c.id = t.committee_id`;

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
    private readonly audit: AuditService,
  ) {}

  async create(body: SaveTemplateRequest, actor: TemplateActor): Promise<ReportTemplateDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const committee: unknown[] = await manager.query('SELECT 1 FROM committee WHERE id = $1', [body.committeeId]);
      if (committee.length === 0) throw TemplateErrors.committeeNotFound();
      const sections = await this.checkedSections(manager, body);
      const [row] = await this.insertTemplate(manager, body);
      await this.insertSections(manager, row.id, sections);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'template.create',
        entityType: 'template',
        entityId: row.id,
        committeeId: body.committeeId,
        after: { name: body.name, reportKind: body.reportKind, sections },
        ip: actor.ip,
      });
      return row.id as string;
    });
    return this.get(id);
  }

  /** Replaces the template's name, kind and sections. Running cycles keep the sections they opened with. */
  async update(id: string, body: SaveTemplateRequest, actor: TemplateActor): Promise<ReportTemplateDto> {
    const before = await this.get(id);
    if (before.committeeId !== body.committeeId) throw TemplateErrors.committeeChanged();
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM report_template WHERE id = $1 FOR UPDATE', [id]);
      const sections = await this.checkedSections(manager, body);
      try {
        await manager.query(
          'UPDATE report_template SET name = $2, report_kind = $3, active = $4, updated_at = now() WHERE id = $1',
          [id, body.name.trim(), body.reportKind, body.active ?? before.active],
        );
      } catch (error) {
        throw this.translate(error, body.name);
      }
      await manager.query('DELETE FROM template_section WHERE template_id = $1', [id]);
      await this.insertSections(manager, id, sections);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'template.update',
        entityType: 'template',
        entityId: id,
        committeeId: body.committeeId,
        before: { name: before.name, reportKind: before.reportKind, active: before.active, sections: before.sections },
        after: { name: body.name, reportKind: body.reportKind, active: body.active ?? before.active, sections },
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
      unitIds: section.responsibility === 'chosen_units' ? [...new Set(section.unitIds ?? [])] : [],
      config: section.config ?? null,
    }));
    const checked = checkTemplateSections(sections);
    if (!checked.ok) throw TemplateErrors.invalid(checked.errors);
    const wanted = [...new Set(sections.flatMap((section) => section.unitIds ?? []))];
    if (wanted.length > 0) {
      const found: Array<{ id: string }> = await manager.query(
        'SELECT id FROM organisation_unit WHERE id = ANY($1::uuid[]) AND committee_id = $2 AND active',
        [wanted, body.committeeId],
      );
      const known = new Set(found.map((row) => row.id));
      const errors = sections
        .filter((section) => (section.unitIds ?? []).some((unitId) => !known.has(unitId)))
        .map((section) => `Avsnittet "${section.title}" har valda enheter som inte är aktiva enheter i nämnden.`);
      if (errors.length) throw TemplateErrors.invalid(errors);
    }
    return checked.sections.map(({ number: _n, depth: _d, ...section }) => section);
  }

  private async insertTemplate(manager: EntityManager, body: SaveTemplateRequest): Promise<Array<{ id: string }>> {
    try {
      return await manager.query(
        'INSERT INTO report_template (committee_id, name, report_kind, active) VALUES ($1, $2, $3, $4) RETURNING id',
        [body.committeeId, body.name.trim(), body.reportKind, body.active ?? true],
      );
    } catch (error) {
      throw this.translate(error, body.name);
    }
  }

  /** Inserts sections in the order given (already checked and in numbering order). */
  async insertSections(manager: EntityManager, templateId: string, sections: readonly TemplateSectionInput[]): Promise<void> {
    for (const [index, section] of sections.entries()) {
      const [created] = await manager.query(
        `INSERT INTO template_section (template_id, key, parent_key, sort_order, title, kind, responsibility, reviewer_role, config)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          templateId,
          section.key,
          section.parentKey,
          index + 1,
          section.title,
          section.kind,
          section.responsibility,
          section.reviewerRole,
          section.config ? JSON.stringify(section.config) : null,
        ],
      );
      if (section.unitIds?.length) {
        await manager.query(
          'INSERT INTO template_section_unit (section_id, unit_id) SELECT $1, unnest($2::uuid[])',
          [created.id, section.unitIds],
        );
      }
    }
  }

  private translate(error: unknown, name: string): unknown {
    if (error instanceof QueryFailedError && (error.driverError as { constraint?: string })?.constraint === 'uq_report_template_name') {
      return TemplateErrors.duplicateName(name.trim());
    }
    return error;
  }

  /** Shared templates, and those of the committees where the person may read templates. */
  async list(grants: readonly RoleGrant[]): Promise<TemplateListResponse> {
    const rows: TemplateRow[] = await this.dataSource.query(`${TEMPLATE_SQL} ORDER BY c.municipality NULLS FIRST, t.name`);
    const scopes = scopesFor(grants, 'template.read');
    const visible = rows.filter(
      (row) => row.committee_id === null || scopes.some((g) => grantCovers(g, { committeeId: row.committee_id as string, unitPath: [] })),
    );
    return { templates: visible.map(summary) };
  }

  async get(id: string): Promise<ReportTemplateDto> {
    const [row]: TemplateRow[] = await this.dataSource.query(`${TEMPLATE_SQL} WHERE t.id = $1`, [id]);
    const sections: Array<{
      key: string;
      parent_key: string | null;
      title: string;
      kind: TemplateSectionInput['kind'];
      responsibility: TemplateSectionInput['responsibility'];
      reviewer_role: TemplateSectionInput['reviewerRole'];
      unit_ids: string[];
      config: SectionConfig | null;
    }> = await this.dataSource.query(
      `SELECT s.key, s.parent_key, s.title, s.kind, s.responsibility, s.reviewer_role, s.config,
              COALESCE(array_agg(u.unit_id::text) FILTER (WHERE u.unit_id IS NOT NULL), '{}') AS unit_ids
         FROM template_section s LEFT JOIN template_section_unit u ON u.section_id = s.id
        WHERE s.template_id = $1 GROUP BY s.id ORDER BY s.sort_order`,
      [id],
    );
    const checked = checkTemplateSections(
      sections.map((s) => ({
        key: s.key,
        parentKey: s.parent_key,
        title: s.title,
        kind: s.kind,
        responsibility: s.responsibility,
        reviewerRole: s.reviewer_role,
        unitIds: s.unit_ids,
        config: s.config,
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
        unitIds: [...(s.unitIds ?? [])],
        config: s.config ?? null,
      })),
    };
  }
}
