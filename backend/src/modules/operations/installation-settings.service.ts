import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InstallationSettingsDto, UpdateInstallationSettingsRequest } from '@rapportflode/api-contract';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';

/**
 * Whether the submitter of a round may approve it themselves, read inside the caller's
 * transaction so a transition and the setting it was decided under belong together. Without
 * the row (it is created by the migration) the answer is the safe default: no.
 */
export async function selfApprovalAllowed(manager: EntityManager): Promise<boolean> {
  const [row]: Array<{ self_approval_allowed: boolean }> = await manager.query(
    'SELECT self_approval_allowed FROM installation_settings WHERE id',
  );
  return row?.self_approval_allowed === true;
}

/** The installation-wide settings: read and changed by installation administrators, every change audited. */
@Injectable()
export class InstallationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<InstallationSettingsDto> {
    const [row]: Array<{ self_approval_allowed: boolean; updated_at: Date; updated_by_name: string | null }> = await manager.query(
      `SELECT s.self_approval_allowed, s.updated_at, u.name AS updated_by_name
         FROM installation_settings s LEFT JOIN app_user u ON u.id = s.updated_by WHERE s.id`,
    );
    return {
      selfApprovalAllowed: row?.self_approval_allowed === true,
      updatedAt: (row?.updated_at ?? new Date(0)).toISOString(),
      updatedByName: row?.updated_by_name ?? null,
    };
  }

  async update(body: UpdateInstallationSettingsRequest, actor: { userId: string; ip: string | null }): Promise<InstallationSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const [before]: Array<{ self_approval_allowed: boolean }> = await manager.query(
        'SELECT self_approval_allowed FROM installation_settings WHERE id FOR UPDATE',
      );
      await manager.query(
        `INSERT INTO installation_settings (id, self_approval_allowed, updated_at, updated_by) VALUES (true, $1, now(), $2)
         ON CONFLICT (id) DO UPDATE SET self_approval_allowed = EXCLUDED.self_approval_allowed, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [body.selfApprovalAllowed, actor.userId],
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'installation.settings',
        entityType: 'installation_settings',
        entityId: null,
        committeeId: null,
        before: { selfApprovalAllowed: before?.self_approval_allowed === true },
        after: { selfApprovalAllowed: body.selfApprovalAllowed },
        ip: actor.ip,
      });
      return this.get(manager);
    });
  }
}
