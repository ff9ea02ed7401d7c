import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { REPORT_KIND_LABELS } from '@rapportflode/domain';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';

@Component({
  selector: 'rf-templates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink],
  template: `
    <h1>Rapportmallar</h1>
    <p class="lead">Mallen bestämmer en rapports avsnitt, i vilken ordning de kommer, vem som levererar dem och vem som granskar.</p>

    @if (canManage()) {
      <p><a matButton="filled" routerLink="/admin/mallar/ny">Ny mall</a></p>
    }

    @if (templates.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Hämtar mallarna" />
    }
    @if (templates.error(); as error) {
      <div class="error" role="alert">
        <p>Mallarna kunde inte hämtas. {{ message(error) }}</p>
        <button matButton="outlined" type="button" (click)="templates.reload()">Försök igen</button>
      </div>
    }
    @if (templates.hasValue()) {
      <div class="scroll" role="region" aria-labelledby="templates-caption" tabindex="0">
        <table class="data">
          <caption id="templates-caption" class="visually-hidden">Rapportmallar</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Nämnd</th>
              <th scope="col">Rapport</th>
              <th scope="col" class="figure">Avsnitt</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            @for (template of templates.value().templates; track template.id) {
              <tr [class.inactive]="!template.active">
                <th scope="row">
                  <a [routerLink]="['/admin/mallar', template.id]">{{ template.name }}</a>
                </th>
                <td>{{ template.committeeName ?? 'Alla nämnder' }}</td>
                <td>{{ kindLabels[template.reportKind] }}</td>
                <td class="figure">{{ template.sectionCount }}</td>
                <td>{{ template.active ? 'Aktiv' : 'Inaktiv' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="5">Det finns inga mallar ännu.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    tbody th {
      font-weight: 600;
    }
    tr.inactive td {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TemplatesPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);

  protected readonly canManage = computed(() => this.auth.can('template.manage'));
  protected readonly templates = rxResource({ stream: () => this.api.listTemplates() });
  protected readonly kindLabels = REPORT_KIND_LABELS;
  protected readonly message = errorMessage;
}
