import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportIssueDto, ImportPreviewRow, ImportResponse } from '@rapportflode/api-contract';
import {
  can,
  ORGANISATION_UNIT_KIND_LABELS,
  OrganisationImportRow,
  OrganisationUnitKind,
  parseOrganisationImport,
  ResourceScope,
  Role,
  roleAllows,
  ROLE_LABELS,
} from '@rapportflode/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { AuthCache } from '../auth/auth-cache';
import { UserAccounts } from '../users/user-accounts';
import { OrganisationRepository } from './organisation.repository';
import { UnitsRepository } from './units.repository';
import type { Actor } from './units.service';

interface PlannedUnit {
  key: string; // committeeKey + lower-case path
  committeeKey: string;
  path: string[];
  kind: OrganisationUnitKind | null;
  code: string | null;
  existingId: string | null;
  existingKind: OrganisationUnitKind | null;
  line: number;
}

/** Everything an import would do, worked out against the database inside one transaction. */
interface Plan {
  rows: ImportPreviewRow[];
  errors: ImportIssueDto[];
  summary: ImportResponse['summary'];
  apply: () => Promise<void>;
}

const lower = (s: string) => s.toLocaleLowerCase('sv-SE');

/**
 * Imports the organisation tree and its people from CSV (see libs/domain organisation-import):
 * a preview first, then all or nothing. Rows are checked against what exists and against what
 * the importing admin administers; any error anywhere imports nothing.
 */
@Injectable()
export class OrganisationImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisation: OrganisationRepository,
    private readonly units: UnitsRepository,
    private readonly accounts: UserAccounts,
    private readonly audit: AuditService,
    private readonly cache: AuthCache,
  ) {}

  async run(file: { name: string; bytes: Uint8Array }, dryRun: boolean, actor: Actor): Promise<ImportResponse> {
    if (file.bytes.length === 0) {
      throw new DomainError( 'import_empty', 'Filen är tom.');
    }
    const parsed = parseOrganisationImport(file.bytes);
    const checksum = createHash('sha256').update(file.bytes).digest('hex');
    const base = { fileName: file.name, encoding: parsed.encoding };
    let outcome: { plan: Plan; committed: boolean } | null = null;
    try {
      await this.cache.clearAfter(this.dataSource.transaction(async (manager) => {
        const plan = await this.plan(manager, parsed.rows, actor);
        const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.line - b.line);
        plan.errors = errors;
        if (dryRun || errors.length > 0) {
          outcome = { plan, committed: false };
          throw new RollbackSignal();
        }
        await plan.apply();
        await this.audit.record(manager, {
          actorUserId: actor.userId,
          action: 'organisation.import',
          entityType: 'import',
          entityId: checksum.slice(0, 16),
          committeeId: null,
          after: { fileName: file.name, sha256: checksum, encoding: parsed.encoding, ...plan.summary },
          ip: actor.ip,
        });
        outcome = { plan, committed: true };
      }));
    } catch (error) {
      if (!(error instanceof RollbackSignal)) throw error;
    }
    const { plan, committed } = outcome as unknown as { plan: Plan; committed: boolean };
    return { ...base, committed, rows: plan.rows, errors: plan.errors, summary: plan.summary };
  }

  private async plan(manager: EntityManager, rows: OrganisationImportRow[], actor: Actor): Promise<Plan> {
    const errors: ImportIssueDto[] = [];
    const preview: ImportPreviewRow[] = [];
    const committees = new Map<string, { id: string | null; municipality: string; name: string; line: number }>();
    const units = new Map<string, PlannedUnit>();
    const people = new Map<string, { id: string | null; name: string; title: string | null; line: number }>();
    const roles: Array<{ email: string; role: Role; committeeKey: string; unitKey: string | null; line: number }> = [];
    const installationAdmin = actor.grants.some((g) => g.committeeId === null && roleAllows(g.role, 'organisation.manage'));

    for (const row of rows) {
      const rowErrors: string[] = [];
      const committeeKey = `${lower(row.municipality)}|${lower(row.committee)}`;
      let committee = committees.get(committeeKey);
      if (!committee) {
        const found = await this.organisation.findCommittee(manager, row.municipality, row.committee);
        committee = { id: found ?? null, municipality: row.municipality, name: row.committee, line: row.line };
        committees.set(committeeKey, committee);
        if (!committee.id && !installationAdmin) {
          rowErrors.push(`Nämnden "${row.committee}, ${row.municipality}" finns inte, och bara en administratör för hela installationen kan skapa nämnder.`);
        }
      }
      const effects: string[] = [];
      if (!committee.id && committee.line === row.line) effects.push('Ny nämnd');

      // Each prefix of the path is a unit; the row gives the kind of the last one.
      let parentId: string | null = null;
      let parentKnown = Boolean(committee.id);
      let unitKey: string | null = null;
      let scope: ResourceScope | null = committee.id ? { committeeId: committee.id, unitPath: [] } : null;
      for (let depth = 0; depth < row.path.length; depth++) {
        const path = row.path.slice(0, depth + 1);
        const key = `${committeeKey}|${path.map(lower).join('/')}`;
        const isLast = depth === row.path.length - 1;
        let unit = units.get(key);
        if (!unit) {
          let existing: { id: string; kind: OrganisationUnitKind; active: boolean } | undefined;
          if (parentKnown && committee.id) {
            existing = await this.units.findChild(manager, committee.id, parentId, path[depth]);
          }
          if (existing && !existing.active) {
            rowErrors.push(`Enheten "${path.join(' / ')}" är inaktiverad. Aktivera den först eller ta bort raden.`);
          }
          unit = {
            key,
            committeeKey,
            path,
            kind: isLast ? row.kind : null,
            code: isLast ? row.code : null,
            existingId: existing?.id ?? null,
            existingKind: existing?.kind ?? null,
            line: row.line,
          };
          units.set(key, unit);
        } else if (isLast && row.kind && !unit.kind) {
          unit.kind = row.kind;
          unit.code = row.code;
        }
        if (isLast && row.kind && unit.existingKind && unit.existingKind !== row.kind) {
          rowErrors.push(
            `Enheten "${path.join(' / ')}" finns redan med nivån ${ORGANISATION_UNIT_KIND_LABELS[unit.existingKind]}, inte ${ORGANISATION_UNIT_KIND_LABELS[row.kind]}.`,
          );
        }
        if (unit.existingId) {
          parentId = unit.existingId;
          scope = scope ? { committeeId: scope.committeeId, unitPath: [...scope.unitPath, unit.existingId] } : null;
        } else {
          parentKnown = false;
          if (isLast && unit.line === row.line) effects.push('Ny enhet');
        }
        unitKey = key;
      }
      if (row.path.length > 0 && units.get(unitKey as string)?.existingId) effects.push('Enheten finns redan');

      // The admin must administer where the new units go (the deepest existing ancestor).
      if (scope && committee.id && row.path.length > 0 && !can(actor.grants, 'organisation.manage', scope)) {
        rowErrors.push(`Du administrerar inte "${[row.committee, ...row.path].join(' / ')}".`);
      }

      if (row.person) {
        const email = row.person.email;
        let person = people.get(email);
        if (!person) {
          const found = await this.accounts.findByEmail(manager, email);
          if (found && lower(found.name) !== lower(row.person.name)) {
            rowErrors.push(`E-postadressen ${email} hör redan till "${found.name}" i Rapportflöde; här står "${row.person.name}".`);
          }
          // A person without roles belongs to no nämnd: a role from here would hand this nämnd's
          // administrators their account (e-mail, password reset).
          if (found && !installationAdmin) {
            if ((await this.accounts.roleCount(manager, found.id)) === 0) {
              rowErrors.push(
                `${email} hör till en person utan roller. Bara installationens administratör kan ge den personen roller.`,
              );
            }
          }
          person = { id: found?.id ?? null, name: row.person.name, title: row.person.title, line: row.line };
          people.set(email, person);
          effects.push(found ? 'Personen finns redan' : 'Ny person');
        }
        if (scope && committee.id && !can(actor.grants, 'roles.manage', scope)) {
          rowErrors.push(`Du administrerar inte roller i "${[row.committee, ...row.path].join(' / ')}".`);
        }
        const existingUnitId = unitKey ? units.get(unitKey)?.existingId ?? null : null;
        let alreadyHas = false;
        if (person.id && committee.id && (row.path.length === 0 || existingUnitId)) {
          alreadyHas = await this.accounts.hasRole(manager, person.id, row.person.role, committee.id, row.path.length === 0 ? null : existingUnitId);
        }
        if (alreadyHas) effects.push(`Har redan rollen ${ROLE_LABELS[row.person.role]}`);
        else {
          roles.push({ email, role: row.person.role, committeeKey, unitKey: row.path.length ? unitKey : null, line: row.line });
          effects.push(`Får rollen ${ROLE_LABELS[row.person.role]}`);
        }
      }

      for (const message of rowErrors) errors.push({ line: row.line, column: null, message });
      preview.push({
        line: row.line,
        municipality: row.municipality,
        committee: row.committee,
        path: row.path,
        kind: row.kind,
        person: row.person,
        effect: effects.join(', ') || 'Ingen ändring',
      });
    }

    // A unit that will be created needs a kind: from its own row, since no row says what it is otherwise.
    for (const unit of units.values()) {
      if (!unit.existingId && !unit.kind) {
        errors.push({
          line: unit.line,
          column: 'Enhet',
          message: `Enheten "${unit.path.join(' / ')}" finns inte. Lägg till en egen rad för den med "Nivå".`,
        });
      }
    }

    const newUnits = [...units.values()].filter((u) => !u.existingId);
    const summary = {
      committees: [...committees.values()].filter((c) => !c.id).length,
      units: newUnits.length,
      users: [...people.values()].filter((p) => !p.id).length,
      roles: roles.length,
    };

    const apply = async () => {
      const audit = (action: string, entityType: string, entityId: string, committeeId: string | null, after: unknown) =>
        this.audit.record(manager, { actorUserId: actor.userId, action, entityType, entityId, committeeId, after, ip: actor.ip });
      for (const committee of committees.values()) {
        if (committee.id) continue;
        const created = await this.organisation.insertCommittee(manager, { municipality: committee.municipality, name: committee.name });
        committee.id = created;
        await audit('committee.create', 'committee', created, created, { municipality: committee.municipality, name: committee.name });
      }
      // Parents before children: shorter paths first.
      for (const unit of [...units.values()].sort((a, b) => a.path.length - b.path.length)) {
        if (unit.existingId) continue;
        const committeeId = committees.get(unit.committeeKey)?.id as string;
        const parentKey = `${unit.committeeKey}|${unit.path.slice(0, -1).map(lower).join('/')}`;
        const parentId = unit.path.length > 1 ? (units.get(parentKey)?.existingId ?? null) : null;
        const created = await this.units.insert(manager, {
          committeeId,
          parentId,
          kind: unit.kind as OrganisationUnitKind,
          name: unit.path[unit.path.length - 1],
          code: unit.code,
        });
        unit.existingId = created.id;
        await audit('unit.create', 'unit', created.id, committeeId, { name: unit.path[unit.path.length - 1], kind: unit.kind, parentId, code: unit.code });
      }
      for (const [email, person] of people) {
        if (person.id) continue;
        const created = await this.accounts.create(manager, { name: person.name, email, title: person.title });
        person.id = created;
        await audit('user.create', 'user', created, null, { name: person.name, email, title: person.title });
      }
      for (const role of roles) {
        const committeeId = committees.get(role.committeeKey)?.id as string;
        const unitId = role.unitKey ? (units.get(role.unitKey)?.existingId ?? null) : null;
        const userId = people.get(role.email)?.id as string;
        const created = await this.accounts.grantRoleIfMissing(manager, { userId, role: role.role, committeeId, unitId });
        if (created) await audit('role.assign', 'role_assignment', created, committeeId, { userId, role: role.role, committeeId, unitId });
      }
    };
    return { rows: preview, errors, summary, apply };
  }
}

class RollbackSignal extends Error {}
