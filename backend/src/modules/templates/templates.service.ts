import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportTemplateDto, ReportTemplateSummaryDto, TemplateListResponse } from '@rapportflode/api-contract';
import { checkTemplateSections, grantCovers, RoleGrant, scopesFor, TemplateSectionInput } from '@rapportflode/domain';
import { DataSource } from 'typeorm';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    }> = await this.dataSource.query(
      `SELECT s.key, s.parent_key, s.title, s.kind, s.responsibility, s.reviewer_role,
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
      })),
    };
  }
}
