import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { countOrganisationUnits } from '@rapportflode/domain';
import { ApiClient } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { SvNumberPipe } from '../../shared/sv-format.pipes';
import { OrganisationTreeComponent } from './organisation-tree.component';
import { UnitAdminComponent } from './unit-admin.component';
import { ResourceStatusComponent } from '../../shared/resource-status.component';

@Component({
  selector: 'rf-organisation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, OrganisationTreeComponent, ResourceStatusComponent, SvNumberPipe, UnitAdminComponent],
  template: `
    <h1>Organisation</h1>
    <p class="lead">De nämnder, förvaltningar, verksamhetsområden och enheter du har en roll i.</p>

    <rf-resource-status [resource]="organisation" loadingLabel="Hämtar organisationen" failure="Organisationen kunde inte hämtas." />
    @if (organisation.hasValue()) {
      @for (committee of organisation.value().committees; track committee.id) {
        <mat-card appearance="outlined" class="committee">
          <mat-card-header>
            <mat-card-title>
              <h2>{{ committee.name }}, {{ committee.municipality }}</h2>
            </mat-card-title>
            <mat-card-subtitle>
              {{ count(committee.units) | svNumber }} organisatoriska enheter
              @if (committee.diaryPrefix) {
                · diarienummer {{ committee.diaryPrefix }}
              }
            </mat-card-subtitle>
          </mat-card-header>
          <mat-card-content>
            @if (committee.units.length > 0) {
              <rf-organisation-tree
                [nodes]="committee.units"
                [label]="'Organisationen under ' + committee.name + ', ' + committee.municipality"
              />
            } @else {
              <p>Nämnden har inga enheter ännu.</p>
            }
            @if (auth.can('organisation.manage')) {
              <rf-unit-admin [committee]="committee" (changed)="organisation.reload()" />
            }
          </mat-card-content>
        </mat-card>
      } @empty {
        <p>Du har ingen roll i någon nämnd ännu. Be en administratör ge dig en roll.</p>
      }
    }
  `,
  styles: `
    .committee {
      margin-bottom: 1.5rem;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    mat-card-content {
      padding-top: 1rem;
    }
  `,
})
export class OrganisationPage {
  private readonly api = inject(ApiClient);
  protected readonly auth = inject(AuthService);
  protected readonly organisation = rxResource({ stream: () => this.api.getOrganisation() });
  protected readonly count = countOrganisationUnits;
}
