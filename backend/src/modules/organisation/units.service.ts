import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateUnitRequest, UnitDto, UpdateUnitRequest } from '@rapportflode/api-contract';
import { can, RoleGrant } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { violatesConstraint } from '../../database/query';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../auth/access.service';
import { OrganisationErrors } from './organisation.exception';
import { UnitRow, UnitsRepository } from './units.repository';

export function toUnitDto(row: UnitRow): UnitDto {
  return {
    id: row.id,
    committeeId: row.committee_id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    active: row.active,
  };
}

export interface Actor {
  userId: string;
  grants: readonly RoleGrant[];
  ip: string | null;
}

/** Create, rename, move, deactivate: units are never deleted, their history stays. */
@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(body: CreateUnitRequest, actor: Actor): Promise<UnitDto> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.access.committeeScope(body.committeeId, manager))) throw OrganisationErrors.committeeNotFound();
      if (body.parentId) await this.assertUsableParent(manager, body.committeeId, body.parentId);
      try {
        const row = await this.units.insert(manager, {
          committeeId: body.committeeId,
          parentId: body.parentId,
          kind: body.kind,
          name: body.name.trim(),
          code: body.code?.trim() || null,
        });
        await this.audit.record(manager, {
          actorUserId: actor.userId,
          action: 'unit.create',
          entityType: 'unit',
          entityId: row.id,
          committeeId: row.committee_id,
          after: toUnitDto(row),
          ip: actor.ip,
        });
        return toUnitDto(row);
      } catch (error) {
        if (violatesConstraint(error, 'uq_organisation_unit_sibling_name')) throw OrganisationErrors.duplicateSiblingName(body.name);
        throw error;
      }
    });
  }

  async update(id: string, body: UpdateUnitRequest, actor: Actor): Promise<UnitDto> {
    if (Object.values(body).every((value) => value === undefined)) throw OrganisationErrors.nothingToChange();
    return this.dataSource.transaction(async (manager) => {
      const before = (await this.units.find(manager, id, true)) as UnitRow;
      const next = { ...before };
      if (body.name !== undefined) next.name = body.name.trim();
      if (body.code !== undefined) next.code = body.code?.trim() || null;
      if (body.kind !== undefined) next.kind = body.kind;
      if (body.parentId !== undefined && body.parentId !== before.parent_id) {
        if (body.parentId !== null) {
          const target = await this.access.unitScope(body.parentId, manager);
          if (!target || target.committeeId !== before.committee_id) {
            throw target ? OrganisationErrors.moveAcrossCommittees() : OrganisationErrors.parentNotFound();
          }
          if (target.unitPath.includes(id)) throw OrganisationErrors.moveIntoOwnSubtree(before.name);
          if (!can(actor.grants, 'organisation.manage', target)) throw OrganisationErrors.targetNotAdministered();
          await this.assertUsableParent(manager, before.committee_id, body.parentId);
        } else if (!can(actor.grants, 'organisation.manage', { committeeId: before.committee_id, unitPath: [] })) {
          throw OrganisationErrors.targetNotAdministered();
        }
        next.parent_id = body.parentId;
      }
      if (body.active !== undefined && body.active !== before.active) {
        if (!body.active) {
          if ((await this.units.countActiveChildren(manager, id)) > 0) throw OrganisationErrors.activeChildren(before.name);
        } else if (next.parent_id) {
          await this.assertUsableParent(manager, before.committee_id, next.parent_id);
        }
        next.active = body.active;
      }
      try {
        await this.units.update(manager, next);
      } catch (error) {
        if (violatesConstraint(error, 'uq_organisation_unit_sibling_name')) throw OrganisationErrors.duplicateSiblingName(next.name);
        throw error;
      }
      const action =
        next.parent_id !== before.parent_id
          ? 'unit.move'
          : next.active !== before.active
            ? next.active
              ? 'unit.reactivate'
              : 'unit.deactivate'
            : 'unit.update';
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action,
        entityType: 'unit',
        entityId: id,
        committeeId: before.committee_id,
        before: toUnitDto(before),
        after: toUnitDto(next),
        ip: actor.ip,
      });
      return toUnitDto(next);
    });
  }

  private async assertUsableParent(manager: EntityManager, committeeId: string, parentId: string): Promise<void> {
    const parent = await this.units.find(manager, parentId);
    if (!parent || parent.committee_id !== committeeId) throw OrganisationErrors.parentNotFound();
    if (!parent.active) throw OrganisationErrors.parentInactive();
  }
}
