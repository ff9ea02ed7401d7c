import { Injectable } from '@nestjs/common';
import type { InstallationSettingsDto, UpdateInstallationSettingsRequest } from '@rapportflode/api-contract';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { OperationsRepository, readSelfApproval } from './operations.repository';

/**
 * Whether the submitter of a round may approve it themselves, read inside the caller's
 * transaction so a transition and the setting it was decided under belong together. Without
 * the row (it is created by the migration) the answer is the safe default: no.
 */
export async function selfApprovalAllowed(manager: EntityManager): Promise<boolean> {
  return (await readSelfApproval(manager)) === true;
}

/** The installation-wide settings: read and changed by installation administrators, every change audited. */
@Injectable()
export class InstallationSettingsService {
  constructor(
    private readonly repository: OperationsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.repository.manager): Promise<InstallationSettingsDto> {
    const row = await this.repository.settings(manager);
    return {
      selfApprovalAllowed: row?.self_approval_allowed === true,
      updatedAt: (row?.updated_at ?? new Date(0)).toISOString(),
      updatedByName: row?.updated_by_name ?? null,
    };
  }

  async update(body: UpdateInstallationSettingsRequest, actor: { userId: string; ip: string | null }): Promise<InstallationSettingsDto> {
    return this.repository.transaction(async (manager) => {
      const before = await this.repository.selfApprovalForUpdate(manager);
      await this.repository.saveSelfApproval(manager, body.selfApprovalAllowed, actor.userId);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'installation.settings',
        entityType: 'installation_settings',
        entityId: null,
        committeeId: null,
        before: { selfApprovalAllowed: before === true },
        after: { selfApprovalAllowed: body.selfApprovalAllowed },
        ip: actor.ip,
      });
      return this.get(manager);
    });
  }
}
