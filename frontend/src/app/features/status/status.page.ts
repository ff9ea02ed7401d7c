import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { tap } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { SvDatePipe } from '../../shared/sv-format.pipes';

const SERVICES: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'database', label: 'Databas (PostgreSQL)' },
  { key: 'redis', label: 'Kö (Redis)' },
];

@Component({
  selector: 'rf-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, SvDatePipe],
  template: `
    <h1>Systemstatus</h1>
    @if (health.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Kontrollerar tjänsterna" />
    }
    @if (health.error(); as error) {
      <p class="down" role="alert">Statusen kunde inte hämtas. {{ message(error) }}</p>
    }
    @if (health.hasValue()) {
      <table>
        <caption>
          Kontrollerad {{ checkedAt() | svDate: true }}
        </caption>
        <thead>
          <tr>
            <th scope="col">Tjänst</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          @for (service of services; track service.key) {
            @let entry = health.value().details[service.key];
            <tr>
              <th scope="row">{{ service.label }}</th>
              <td [class.up]="entry?.status === 'up'" [class.down]="entry?.status !== 'up'">
                {{ entry?.status === 'up' ? 'I drift' : 'Ur funktion' }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
    <button matButton="outlined" type="button" (click)="health.reload()">Kontrollera igen</button>
  `,
  styles: `
    table {
      border-collapse: collapse;
      margin-bottom: 1rem;
      min-width: 24rem;
    }
    caption {
      text-align: left;
      padding-bottom: 0.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    th,
    td {
      text-align: left;
      padding: 0.5rem 1rem 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .up {
      color: #1b5e20;
    }
    .down {
      color: var(--mat-sys-error);
    }
  `,
})
export class StatusPage {
  private readonly api = inject(ApiClient);
  protected readonly services = SERVICES;
  protected readonly checkedAt = signal<Date>(new Date());
  protected readonly health = rxResource({
    stream: () => this.api.getHealth().pipe(tap(() => this.checkedAt.set(new Date()))),
  });
  protected readonly message = errorMessage;
}
