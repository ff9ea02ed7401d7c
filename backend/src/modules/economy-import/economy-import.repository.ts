import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EconomyImportRecordDto } from '@rapportflode/api-contract';
import type { EconomyImportMapping, SectionConfig, TaskContent, TaskState } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';

/** The economy section imported into, with its cycle's template, nämnd and title. */
export interface SectionRow {
  id: string;
  cycle_id: string;
  key: string;
  number: string;
  title: string;
  kind: string;
  config: SectionConfig | null;
  template_id: string | null;
  committee_id: string;
  cycle_title: string;
}

/** One task of the section, as the import reads (and locks) it. */
export interface SectionTaskRow {
  id: string;
  unit_id: string | null;
  state: TaskState;
  version: number;
  content: TaskContent;
}

/** A stored import, with who made it. */
export interface ImportRecordRow {
  id: string;
  cycle_id: string;
  section_id: string;
  file_name: string;
  sha256: string;
  byte_size: number;
  format: 'csv' | 'xlsx';
  imported_by: string | null;
  imported_by_name: string | null;
  imported_at: Date;
  row_count: number;
  unit_count: number;
  units: EconomyImportRecordDto['units'];
  mapping: EconomyImportMapping;
  disagreements: EconomyImportRecordDto['disagreements'];
}

export interface NewImport {
  id: string;
  cycleId: string;
  sectionId: string;
  fileName: string;
  sha256: string;
  byteSize: number;
  format: 'csv' | 'xlsx';
  importedBy: string;
  mapping: EconomyImportMapping;
  rowCount: number;
  unitCount: number;
  units: EconomyImportRecordDto['units'];
  disagreements: EconomyImportRecordDto['disagreements'];
}

/** economy_import and economy_import_mapping, and the reads of the section, its tasks and units an import needs. */
@Injectable()
export class EconomyImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async section(manager: EntityManager, cycleId: string, sectionId: string): Promise<SectionRow | undefined> {
    const [section]: SectionRow[] = await manager.query(
      `SELECT s.id, s.cycle_id, s.key, s.number, s.title, s.kind, s.config, c.template_id, c.committee_id, c.title AS cycle_title
         FROM cycle_section s JOIN report_cycle c ON c.id = s.cycle_id
        WHERE s.id = $1 AND s.cycle_id = $2`,
      [sectionId, cycleId],
    );
    return section;
  }

  /** The section's tasks, by id; with lock, FOR UPDATE in the caller's transaction (in id order, as every import locks them). */
  tasks(manager: EntityManager, sectionId: string, lock: boolean): Promise<SectionTaskRow[]> {
    return manager.query(`SELECT id, unit_id, state, version, content FROM task WHERE section_id = $1 ORDER BY id${lock ? ' FOR UPDATE' : ''}`, [
      sectionId,
    ]);
  }

  /** The section's imports, newest first (at most 200), or the one asked for. */
  records(manager: EntityManager, sectionId: string, importId: string | null): Promise<ImportRecordRow[]> {
    return manager.query(
      `SELECT i.id, i.cycle_id, i.section_id, i.file_name, i.sha256, i.byte_size, i.format, i.imported_by, u.name AS imported_by_name,
              i.imported_at, i.row_count, i.unit_count, i.units, i.mapping, i.disagreements
         FROM economy_import i LEFT JOIN app_user u ON u.id = i.imported_by
        WHERE i.section_id = $1 AND ($2::uuid IS NULL OR i.id = $2)
        ORDER BY i.imported_at DESC, i.id
        LIMIT 200`,
      [sectionId, importId],
    );
  }

  async insert(manager: EntityManager, record: NewImport): Promise<void> {
    await manager.query(
      `INSERT INTO economy_import (id, cycle_id, section_id, file_name, sha256, byte_size, format, imported_by, mapping, row_count, unit_count, units, disagreements)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        record.id,
        record.cycleId,
        record.sectionId,
        record.fileName,
        record.sha256,
        record.byteSize,
        record.format,
        record.importedBy,
        JSON.stringify(record.mapping),
        record.rowCount,
        record.unitCount,
        JSON.stringify(record.units),
        JSON.stringify(record.disagreements),
      ],
    );
  }

  /** The column mapping remembered for the template's section. */
  async savedMapping(manager: EntityManager, templateId: string, sectionKey: string): Promise<Partial<EconomyImportMapping> | null> {
    const [row]: Array<{ mapping: Partial<EconomyImportMapping> }> = await manager.query(
      'SELECT mapping FROM economy_import_mapping WHERE template_id = $1 AND section_key = $2',
      [templateId, sectionKey],
    );
    return row?.mapping ?? null;
  }

  async saveMapping(manager: EntityManager, templateId: string, sectionKey: string, mapping: EconomyImportMapping, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO economy_import_mapping (template_id, section_key, mapping, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (template_id, section_key) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [templateId, sectionKey, JSON.stringify(mapping), userId],
    );
  }
}
