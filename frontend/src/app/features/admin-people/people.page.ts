import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CommitteeDto, RoleAssignmentDto, UserDto } from '@rapportflode/api-contract';
import { PASSWORD_MIN_LENGTH } from '@rapportflode/api-contract';
import {
  grantCovers,
  isRole,
  OrganisationUnitNode,
  ROLE_LABELS,
  roleAllows,
  RoleGrant,
  ROLES,
} from '@rapportflode/domain';
import { firstValueFrom, Observable } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { PagerComponent, pageCount } from '../../shared/pager.component';
import { ResourceStatusComponent } from '../../shared/resource-status.component';

/** One choice of the "Var" menu: where a new role holds. */
export interface ScopeOption {
  key: string;
  label: string;
  committeeId: string | null;
  unitId: string | null;
}

/** The choices of one committee (label null: the installation-wide choice). */
export interface ScopeOptionGroup {
  label: string | null;
  options: ScopeOption[];
}

export const INSTALLATION_SCOPE_LABEL = 'Hela installationen';

/** People per page of the list. */
export const PEOPLE_PAGE_SIZE = 20;

/**
 * Where the signed-in person may give roles: the whole installation (only with an
 * installation-wide role that manages roles), each committee as a whole, and each active unit,
 * indented by depth with `— `. Places the person does not administer are left out, since the
 * server would refuse them anyway.
 */
export function scopeOptionGroups(
  committees: readonly CommitteeDto[],
  grants: readonly RoleGrant[],
): ScopeOptionGroup[] {
  const managing = grants.filter((grant) => roleAllows(grant.role, 'roles.manage'));
  const groups: ScopeOptionGroup[] = [];
  if (managing.some((grant) => grant.committeeId === null)) {
    groups.push({
      label: null,
      options: [{ key: 'installation', label: INSTALLATION_SCOPE_LABEL, committeeId: null, unitId: null }],
    });
  }
  for (const committee of committees) {
    const covered = (unitPath: string[]) =>
      managing.some((grant) => grantCovers(grant, { committeeId: committee.id, unitPath }));
    const options: ScopeOption[] = [];
    if (covered([])) {
      options.push({
        key: committee.id,
        label: `${committee.name}, ${committee.municipality} (hela nämnden)`,
        committeeId: committee.id,
        unitId: null,
      });
    }
    const walk = (nodes: readonly OrganisationUnitNode[], path: string[]) => {
      for (const node of nodes) {
        if (!node.active) continue;
        const unitPath = [...path, node.id];
        if (covered(unitPath)) {
          options.push({
            key: `${committee.id}/${node.id}`,
            label: `${'— '.repeat(unitPath.length)}${node.name}`,
            committeeId: committee.id,
            unitId: node.id,
          });
        }
        walk(node.children, unitPath);
      }
    };
    walk(committee.units, []);
    if (options.length > 0) groups.push({ label: `${committee.name}, ${committee.municipality}`, options });
  }
  return groups;
}

/** `Enhetschef – Vuxenutbildning (Socialnämnden, Gnesta kommun)` */
export function roleText(assignment: Pick<RoleAssignmentDto, 'role' | 'scopeName'>): string {
  return `${ROLE_LABELS[assignment.role]} – ${assignment.scopeName}`;
}

export function sessionsRevokedText(revoked: number): string {
  return `${revoked} ${revoked === 1 ? 'session' : 'sessioner'} avslutades.`;
}

type ErrorArea = 'edit' | 'roles' | 'actions';

@Component({
  selector: 'rf-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, PagerComponent, ResourceStatusComponent],
  templateUrl: './people.page.html',
  styleUrl: './people.page.scss',
})
export class PeoplePage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);

  protected readonly canManageUsers = computed(() => this.auth.can('users.manage'));
  protected readonly canManageRoles = computed(() => this.auth.can('roles.manage'));

  /** The search as typed, and the search and page in force (the server searches and pages). */
  protected readonly search = signal('');
  protected readonly listQuery = signal<{ q: string; page: number }>({ q: '', page: 1 });
  protected readonly users = rxResource({
    params: () => this.listQuery(),
    stream: ({ params }) => this.api.listUsers({ q: params.q || undefined, page: params.page, pageSize: PEOPLE_PAGE_SIZE }),
  });
  protected readonly page = computed(() => this.listQuery().page);
  protected readonly pages = computed(() => pageCount(this.users));
  /** Only needed to give roles: not fetched for those who only read. */
  protected readonly organisation = rxResource({
    params: () => (this.canManageRoles() ? true : undefined),
    stream: () => this.api.getOrganisation(),
  });
  protected readonly scopeGroups = computed(() =>
    this.organisation.hasValue()
      ? scopeOptionGroups(this.organisation.value().committees, this.auth.user()?.roles ?? [])
      : [],
  );
  private readonly scopeByKey = computed(
    () => new Map(this.scopeGroups().flatMap((group) => group.options.map((option) => [option.key, option] as const))),
  );

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleText = roleText;
  protected readonly message = errorMessage;

  protected readonly busy = signal(false);
  protected readonly notice = signal('');
  protected readonly createError = signal<string | null>(null);
  protected readonly rowError = signal<{ userId: string; area: ErrorArea; message: string } | null>(null);

  protected readonly newName = signal('');
  protected readonly newEmail = signal('');
  protected readonly newTitle = signal('');
  protected readonly newPassword = signal('');
  protected readonly newRole = signal('');
  protected readonly newScope = signal('');
  /** A person without roles belongs to the installation: others give the first role at once (the server checks it). */
  protected readonly roleRequired = computed(
    () => !(this.auth.user()?.roles ?? []).some((r) => r.committeeId === null && roleAllows(r.role, 'users.manage')),
  );

  protected readonly editing = signal<string | null>(null);
  protected readonly editName = signal('');
  protected readonly editEmail = signal('');
  protected readonly editTitle = signal('');

  protected async create(): Promise<void> {
    const name = this.newName().trim();
    const email = this.newEmail().trim();
    const password = this.newPassword();
    this.clearMessages();
    if (!name || !email) {
      this.createError.set('Fyll i både namn och e-post.');
      return;
    }
    if (password && password.length < PASSWORD_MIN_LENGTH) {
      this.createError.set(`Lösenordet måste vara minst ${PASSWORD_MIN_LENGTH} tecken, eller lämnas tomt.`);
      return;
    }
    const role = this.newRole();
    const scope = this.scopeByKey().get(this.newScope());
    if ((role || scope || this.roleRequired()) && (!isRole(role) || !scope)) {
      this.createError.set('Välj både personens första roll och var den ska gälla.');
      return;
    }
    const first = isRole(role) && scope ? { role: { role, committeeId: scope.committeeId, unitId: scope.unitId } } : {};
    const done = await this.change(
      this.api.createUser({ name, email, title: this.newTitle().trim() || null, ...(password ? { password } : {}), ...first }),
      (user) => `${user.name} lades till.`,
      (message) => this.createError.set(message),
    );
    if (done) {
      this.newName.set('');
      this.newEmail.set('');
      this.newTitle.set('');
      this.newPassword.set('');
      this.newRole.set('');
      this.newScope.set('');
    }
  }

  protected startEdit(user: UserDto): void {
    this.clearMessages();
    this.editName.set(user.name);
    this.editEmail.set(user.email);
    this.editTitle.set(user.title ?? '');
    this.editing.set(user.id);
    this.focusAfterRender(`edit-name-${user.id}`);
  }

  protected cancelEdit(user: UserDto): void {
    this.editing.set(null);
    this.rowError.set(null);
    this.focusAfterRender(`edit-${user.id}`);
  }

  protected async save(user: UserDto): Promise<void> {
    const name = this.editName().trim();
    const email = this.editEmail().trim();
    this.clearMessages();
    if (!name || !email) {
      this.rowError.set({ userId: user.id, area: 'edit', message: 'Fyll i både namn och e-post.' });
      return;
    }
    const done = await this.change(
      this.api.updateUser(user.id, { name, email, title: this.editTitle().trim() || null }),
      (saved) => `Uppgifterna för ${saved.name} sparades.`,
      (message) => this.rowError.set({ userId: user.id, area: 'edit', message }),
    );
    if (done) {
      this.editing.set(null);
      this.focusAfterRender(`edit-${user.id}`);
    }
  }

  protected async setActive(user: UserDto, active: boolean): Promise<void> {
    this.clearMessages();
    await this.change(
      this.api.updateUser(user.id, { active }),
      (saved) => (active ? `${saved.name} aktiverades.` : `${saved.name} inaktiverades och loggades ut överallt.`),
      (message) => this.rowError.set({ userId: user.id, area: 'actions', message }),
    );
  }

  protected async revokeSessions(user: UserDto): Promise<void> {
    this.clearMessages();
    await this.change(
      this.api.revokeSessions(user.id),
      ({ revoked }) => sessionsRevokedText(revoked),
      (message) => this.rowError.set({ userId: user.id, area: 'actions', message }),
    );
  }

  protected async assignRole(user: UserDto, role: string, scopeKey: string): Promise<void> {
    this.clearMessages();
    const scope = this.scopeByKey().get(scopeKey);
    if (!isRole(role) || !scope) {
      this.rowError.set({ userId: user.id, area: 'roles', message: 'Välj både roll och var rollen ska gälla.' });
      return;
    }
    await this.change(
      this.api.assignRole(user.id, { role, committeeId: scope.committeeId, unitId: scope.unitId }),
      (saved) => {
        const given = saved.roles.find(
          (r) => r.role === role && r.committeeId === scope.committeeId && r.unitId === scope.unitId,
        );
        return `${saved.name} fick rollen ${given ? roleText(given) : ROLE_LABELS[role]}.`;
      },
      (message) => this.rowError.set({ userId: user.id, area: 'roles', message }),
    );
  }

  protected async removeRole(user: UserDto, assignment: RoleAssignmentDto): Promise<void> {
    this.clearMessages();
    const done = await this.change(
      this.api.removeRole(user.id, assignment.id),
      (saved) => `Rollen ${roleText(assignment)} togs bort från ${saved.name}.`,
      (message) => this.rowError.set({ userId: user.id, area: 'roles', message }),
    );
    // The button is gone with the role: keep the keyboard in the same row.
    if (done) this.focusAfterRender(`role-${user.id}`);
  }

  private clearMessages(): void {
    this.notice.set('');
    this.createError.set(null);
    this.rowError.set(null);
  }

  /** Sends one change; on success reloads the list and tells what happened, otherwise shows the server's reason. */
  private async change<T>(
    request: Observable<T>,
    success: (result: T) => string,
    fail: (message: string) => void,
  ): Promise<boolean> {
    // One change at a time; buttons stay enabled meanwhile so keyboard focus is not lost.
    if (this.busy()) return false;
    this.busy.set(true);
    try {
      const result = await firstValueFrom(request);
      this.users.reload();
      this.notice.set(success(result));
      return true;
    } catch (error) {
      fail(errorMessage(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private focusAfterRender(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }

  /** Searches from the first page, as typed. */
  protected searchFor(q: string): void {
    this.search.set(q);
    this.listQuery.set({ q: q.trim(), page: 1 });
  }

  protected goTo(page: number): void {
    this.listQuery.update((query) => ({ ...query, page }));
  }
}
