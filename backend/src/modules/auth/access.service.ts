import { Injectable } from '@nestjs/common';
import type { RoleAssignmentDto } from '@rapportflode/api-contract';
import { isRole, ResourceScope, RoleGrant } from '@rapportflode/domain';
import { EntityManager } from 'typeorm';
import { AccessRepository } from './access.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Reads role grants and where resources sit in the tree: the facts the policy decides from. */
@Injectable()
export class AccessService {
  constructor(private readonly repository: AccessRepository) {}

  async grantsOf(userId: string, manager: EntityManager = this.repository.manager): Promise<RoleAssignmentDto[]> {
    const rows = await this.repository.grants(manager, userId);
    return rows
      .filter((row) => isRole(row.role))
      .map((row) => ({
        id: row.id,
        role: row.role as RoleAssignmentDto['role'],
        committeeId: row.committee_id,
        unitId: row.unit_id,
        scopeName: scopeName(row.unit_name, row.committee_name, row.municipality),
      }));
  }

  /** Where a unit sits (its committee and the ids from the root down to it), or null if there is no such unit. */
  async unitScope(unitId: unknown, manager: EntityManager = this.repository.manager): Promise<ResourceScope | null> {
    if (!isUuid(unitId)) return null;
    const row = await this.repository.unitPlace(manager, unitId);
    if (!row?.committee_id) return null;
    return { committeeId: row.committee_id, unitPath: row.path ?? [] };
  }

  async committeeScope(committeeId: unknown, manager: EntityManager = this.repository.manager): Promise<ResourceScope | null> {
    if (!isUuid(committeeId)) return null;
    return (await this.repository.committeeExists(manager, committeeId)) ? { committeeId, unitPath: [] } : null;
  }

  /** The committee a template belongs to: an id, null for a shared template, undefined when there is no such template. */
  async templateCommittee(templateId: string): Promise<string | null | undefined> {
    return this.repository.templateCommittee(templateId);
  }

  /** A cycle sits at its nämnd. */
  async cycleScope(cycleId: unknown): Promise<ResourceScope | null> {
    if (!isUuid(cycleId)) return null;
    const committeeId = await this.repository.cycleCommittee(cycleId);
    return committeeId ? { committeeId, unitPath: [] } : null;
  }

  /** A meeting (sammanträde) sits at its nämnd. */
  async meetingScope(meetingId: unknown): Promise<ResourceScope | null> {
    if (!isUuid(meetingId)) return null;
    const committeeId = await this.repository.meetingCommittee(meetingId);
    return committeeId ? { committeeId, unitPath: [] } : null;
  }

  /** A task sits at its unit (the path from the nämnd's root down to it), or at the nämnd for a nämnd-level task. */
  async taskScope(taskId: unknown, manager: EntityManager = this.repository.manager): Promise<ResourceScope | null> {
    if (!isUuid(taskId)) return null;
    const row = await this.repository.taskPlace(manager, taskId);
    if (!row) return null;
    return { committeeId: row.committee_id, unitPath: row.path ?? [] };
  }

  async userExists(userId: string): Promise<boolean> {
    return this.repository.userExists(userId);
  }

  /** The scope of a role assignment as stored: a unit, a committee, or the installation (null). */
  async assignmentScope(committeeId: string | null, unitId: string | null): Promise<ResourceScope | 'installation' | null> {
    if (unitId) {
      const scope = await this.unitScope(unitId);
      return scope && scope.committeeId === committeeId ? scope : null;
    }
    if (committeeId) return this.committeeScope(committeeId);
    return 'installation';
  }
}

export function toGrants(assignments: readonly RoleAssignmentDto[]): RoleGrant[] {
  return assignments.map(({ role, committeeId, unitId }) => ({ role, committeeId, unitId }));
}

function scopeName(unit: string | null, committee: string | null, municipality: string | null): string {
  if (!committee) return 'Hela installationen';
  const committeeName = `${committee}, ${municipality ?? ''}`.replace(/, $/, '');
  return unit ? `${unit} (${committeeName})` : committeeName;
}
