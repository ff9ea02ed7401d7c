import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportTemplateSummaryDto } from '@rapportflode/api-contract';
import type { ReportKind, SectionConfig, SectionPlacement, TemplateLayout, TemplateSectionInput } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';

export interface TemplateRow {
  id: string;
  committee_id: string | null;
  committee_name: string | null;
  name: string;
  report_kind: ReportTemplateSummaryDto['reportKind'];
  active: boolean;
  section_count: number;
  /** null: stored before layouts (the defaults). */
  layout: unknown;
}

export interface TemplateSectionRow {
  key: string;
  parent_key: string | null;
  title: string;
  kind: TemplateSectionInput['kind'];
  responsibility: TemplateSectionInput['responsibility'];
  reviewer_role: TemplateSectionInput['reviewerRole'];
  writer_role: TemplateSectionInput['reviewerRole'] | null;
  unit_ids: string[];
  config: SectionConfig | null;
  guidance: string | null;
  heading_only: boolean;
  placement: SectionPlacement;
}

export interface TemplateFields {
  name: string;
  reportKind: ReportKind;
  active: boolean;
  /** undefined: keep the stored layout. */
  layout?: TemplateLayout;
}

const TEMPLATE_SQL = `
  SELECT t.id, t.committee_id, c.name || ', ' || c.municipality AS committee_name, t.name, t.report_kind, t.active, t.layout,
         (SELECT count(*)::int FROM template_section s WHERE s.template_id = t.id) AS section_count
    FROM report_template t LEFT JOIN committee c ON c.id = t.committee_id`;

/**
 * The writer of report_template, template_section and template_section_unit. Inserting or
 * renaming a template fails on uq_report_template_name when the nämnd has one of that name.
 */
@Injectable()
export class TemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<TemplateRow[]> {
    return this.dataSource.query(`${TEMPLATE_SQL} ORDER BY c.municipality NULLS FIRST, t.name`);
  }

  async find(id: string): Promise<TemplateRow | undefined> {
    const [row]: TemplateRow[] = await this.dataSource.query(`${TEMPLATE_SQL} WHERE t.id = $1`, [id]);
    return row;
  }

  /** The template's sections in order, each with its chosen units. */
  sections(id: string): Promise<TemplateSectionRow[]> {
    return this.dataSource.query(
      `SELECT s.key, s.parent_key, s.title, s.kind, s.responsibility, s.reviewer_role, s.writer_role, s.config, s.guidance, s.heading_only, s.placement,
              COALESCE(array_agg(u.unit_id::text) FILTER (WHERE u.unit_id IS NOT NULL), '{}') AS unit_ids
         FROM template_section s LEFT JOIN template_section_unit u ON u.section_id = s.id
        WHERE s.template_id = $1 GROUP BY s.id ORDER BY s.sort_order`,
      [id],
    );
  }

  async committeeExists(manager: EntityManager, committeeId: string): Promise<boolean> {
    const found: unknown[] = await manager.query('SELECT 1 FROM committee WHERE id = $1', [committeeId]);
    return found.length > 0;
  }

  /** The committee of that municipality and name (exact), if any: for the demo seed. */
  async committeeId(manager: EntityManager, municipality: string, name: string): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await manager.query('SELECT id FROM committee WHERE municipality = $1 AND name = $2', [municipality, name]);
    return row?.id;
  }

  /** The unit of that name in the committee (exact), if any: for the demo seed. */
  async unitId(manager: EntityManager, committeeId: string, name: string): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await manager.query('SELECT id FROM organisation_unit WHERE committee_id = $1 AND name = $2', [
      committeeId,
      name,
    ]);
    return row?.id;
  }

  /** Of the ids given, those of active units of the committee. */
  async activeUnitIds(manager: EntityManager, ids: readonly string[], committeeId: string): Promise<Set<string>> {
    const found: Array<{ id: string }> = await manager.query(
      'SELECT id FROM organisation_unit WHERE id = ANY($1::uuid[]) AND committee_id = $2 AND active',
      [ids, committeeId],
    );
    return new Set(found.map((row) => row.id));
  }

  async lock(manager: EntityManager, id: string): Promise<void> {
    await manager.query('SELECT 1 FROM report_template WHERE id = $1 FOR UPDATE', [id]);
  }

  async insert(manager: EntityManager, committeeId: string, fields: TemplateFields): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      'INSERT INTO report_template (committee_id, name, report_kind, active, layout) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [committeeId, fields.name, fields.reportKind, fields.active, fields.layout ? JSON.stringify(fields.layout) : null],
    );
    return row.id;
  }

  async update(manager: EntityManager, id: string, fields: TemplateFields): Promise<void> {
    await manager.query(
      `UPDATE report_template SET name = $2, report_kind = $3, active = $4, updated_at = now(),
              layout = CASE WHEN $5 THEN $6::jsonb ELSE layout END
        WHERE id = $1`,
      [id, fields.name, fields.reportKind, fields.active, fields.layout !== undefined, fields.layout ? JSON.stringify(fields.layout) : null],
    );
  }

  async deleteSections(manager: EntityManager, templateId: string): Promise<void> {
    await manager.query('DELETE FROM template_section WHERE template_id = $1', [templateId]);
  }

  /** Inserts sections in the order given (already checked and in numbering order). */
  async insertSections(manager: EntityManager, templateId: string, sections: readonly TemplateSectionInput[]): Promise<void> {
    for (const [index, section] of sections.entries()) {
      const [created]: Array<{ id: string }> = await manager.query(
        `INSERT INTO template_section (template_id, key, parent_key, sort_order, title, kind, responsibility, reviewer_role, config, guidance,
                                       heading_only, placement, writer_role)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
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
          section.guidance ?? null,
          section.headingOnly === true,
          section.placement ?? 'body',
          section.writerRole ?? null,
        ],
      );
      if (section.unitIds?.length) {
        await manager.query('INSERT INTO template_section_unit (section_id, unit_id) SELECT $1, unnest($2::uuid[])', [
          created.id,
          section.unitIds,
        ]);
      }
    }
  }
}
