import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ApiClient } from '../../core/api-client';
import { TaskTableComponent } from './task-table.component';
import { ResourceStatusComponent } from '../../shared/resource-status.component';

@Component({
  selector: 'rf-review-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ResourceStatusComponent, TaskTableComponent],
  template: `
    <h1>Att granska</h1>
    <p class="lead">Inlämnade avsnitt som väntar på din granskning, med den närmaste deadlinen först.</p>
    <rf-resource-status [resource]="tasks" loadingLabel="Hämtar avsnitten att granska" failure="Avsnitten kunde inte hämtas." />
    @if (tasks.hasValue()) {
      @if (tasks.value().tasks.length > 0) {
        <rf-task-table [tasks]="tasks.value().tasks" caption="Avsnitt att granska, ordnade efter deadline" />
      } @else {
        <p class="empty">Inget väntar på din granskning just nu.</p>
      }
    }
  `,
  styles: `
    .lead,
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ReviewQueuePage {
  private readonly api = inject(ApiClient);
  protected readonly tasks = rxResource({ stream: () => this.api.reviewQueue() });
}
