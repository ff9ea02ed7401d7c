import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CommitteeDto } from '@rapportflode/api-contract';
import { ORGANISATION_UNIT_KIND_LABELS, ORGANISATION_UNIT_KINDS, OrganisationUnitKind, OrganisationUnitNode } from '@rapportflode/domain';
import { firstValueFrom, Observable } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';

export interface UnitOption {
  id: string;
  label: string;
  node: OrganisationUnitNode;
}

/** Units of a committee in tree order, indented by depth, for select lists. */
export function unitOptions(units: readonly OrganisationUnitNode[], depth = 0): UnitOption[] {
  return units.flatMap((node) => [
    { id: node.id, label: `${'— '.repeat(depth)}${node.name}${node.active ? '' : ' (inaktiv)'}`, node },
    ...unitOptions(node.children, depth + 1),
  ]);
}

const TOP = '__top__';

/** Create, rename, move and deactivate units of one committee (the server checks every change). */
@Component({
  selector: 'rf-unit-admin',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <section class="admin" [attr.aria-labelledby]="'admin-' + committee().id">
      <h3 [id]="'admin-' + committee().id">Ändra organisationen</h3>
      @if (message()) {
        <p class="message-ok" role="status">{{ message() }}</p>
      }
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <div class="row">
        <mat-form-field appearance="outline">
          <mat-label>Enhet</mat-label>
          <mat-select [(ngModel)]="selectedId" name="unit" (selectionChange)="onSelect()">
            @for (option of options(); track option.id) {
              <mat-option [value]="option.id">{{ option.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (selected(); as unit) {
        <form class="row" (ngSubmit)="run(rename(unit))">
          <mat-form-field appearance="outline">
            <mat-label>Nytt namn</mat-label>
            <input matInput name="newName" [(ngModel)]="newName" />
          </mat-form-field>
          <button matButton="outlined" type="submit">Byt namn</button>
        </form>
        <form class="row" (ngSubmit)="run(move(unit))">
          <mat-form-field appearance="outline">
            <mat-label>Flytta till</mat-label>
            <mat-select [(ngModel)]="moveTo" name="moveTo">
              <mat-option [value]="top">Högsta nivån i nämnden</mat-option>
              @for (option of options(); track option.id) {
                <mat-option [value]="option.id">{{ option.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button matButton="outlined" type="submit">Flytta</button>
        </form>
        <div class="row">
          @if (unit.active) {
            <button matButton="outlined" type="button" (click)="run(setActive(unit, false))">Inaktivera {{ unit.name }}</button>
          } @else {
            <button matButton="outlined" type="button" (click)="run(setActive(unit, true))">Aktivera {{ unit.name }}</button>
          }
        </div>
      }
      <form class="row" (ngSubmit)="run(create())">
        <mat-form-field appearance="outline">
          <mat-label>Ny enhet, namn</mat-label>
          <input matInput name="createName" [(ngModel)]="createName" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Nivå</mat-label>
          <mat-select [(ngModel)]="createKind" name="createKind">
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ kindLabels[kind] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Under</mat-label>
          <mat-select [(ngModel)]="createUnder" name="createUnder">
            <mat-option [value]="top">Högsta nivån i nämnden</mat-option>
            @for (option of options(); track option.id) {
              <mat-option [value]="option.id">{{ option.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" class="code">
          <mat-label>Kod (valfri)</mat-label>
          <input matInput name="createCode" [(ngModel)]="createCode" />
        </mat-form-field>
        <button matButton="filled" type="submit">Lägg till enhet</button>
      </form>
    </section>
  `,
  styles: `
    .admin {
      border-top: 1px solid var(--mat-sys-outline-variant);
      margin-top: 1rem;
      padding-top: 0.5rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: baseline;
    }
    .code {
      width: 9rem;
    }
  `,
})
export class UnitAdminComponent {
  private readonly api = inject(ApiClient);
  readonly committee = input.required<CommitteeDto>();
  /** Emitted after a change, so the page reloads the tree. */
  readonly changed = output<void>();

  protected readonly top = TOP;
  protected readonly kinds = ORGANISATION_UNIT_KINDS;
  protected readonly kindLabels = ORGANISATION_UNIT_KIND_LABELS;
  protected readonly options = computed(() => unitOptions(this.committee().units));
  protected selectedId: string | null = null;
  protected readonly selected = signal<OrganisationUnitNode | null>(null);
  protected newName = '';
  protected moveTo: string = TOP;
  protected createName = '';
  protected createKind: OrganisationUnitKind = 'unit';
  protected createUnder: string = TOP;
  protected createCode = '';
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected onSelect(): void {
    const node = this.options().find((o) => o.id === this.selectedId)?.node ?? null;
    this.selected.set(node);
    this.newName = node?.name ?? '';
  }

  protected rename(unit: OrganisationUnitNode) {
    return { done: `"${unit.name}" heter nu "${this.newName.trim()}".`, call: this.api.updateUnit(unit.id, { name: this.newName }) };
  }

  protected move(unit: OrganisationUnitNode) {
    const parentId = this.moveTo === TOP ? null : this.moveTo;
    const target = this.options().find((o) => o.id === parentId)?.node.name ?? 'högsta nivån';
    return { done: `"${unit.name}" ligger nu under ${target}.`, call: this.api.updateUnit(unit.id, { parentId }) };
  }

  protected setActive(unit: OrganisationUnitNode, active: boolean) {
    return {
      done: `"${unit.name}" är ${active ? 'aktiverad' : 'inaktiverad'}.`,
      call: this.api.updateUnit(unit.id, { active }),
    };
  }

  protected create() {
    const name = this.createName.trim();
    return {
      done: `"${name}" är tillagd.`,
      call: this.api.createUnit({
        committeeId: this.committee().id,
        parentId: this.createUnder === TOP ? null : this.createUnder,
        kind: this.createKind,
        name,
        code: this.createCode.trim() || null,
      }),
    };
  }

  protected async run(change: { done: string; call: Observable<unknown> }): Promise<void> {
    this.message.set(null);
    this.error.set(null);
    try {
      await firstValueFrom(change.call);
      this.message.set(change.done);
      this.createName = '';
      this.createCode = '';
      this.selected.set(null);
      this.selectedId = null;
      this.changed.emit();
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
