import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ApiClient, errorMessage } from '../../core/api-client';
import { TaskTableComponent } from './task-table.component';

@Component({
  selector: 'rf-review-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TaskTableComponent],
  template: `
    <h1>Att granska</h1>
    <p class="lead">Inlämnade avsnitt som väntar på din granskning, med den närmaste deadlinen först.</p>
    @if (tasks.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Hämtar avsnitten att granska" />
    }
    @if (tasks.error(); as error) {
      <div class="error" role="alert">
        <p>Avsnitten kunde inte hämtas. {{ message(error) }}</p>
        <button matButton="outlined" type="button" (click)="tasks.reload()">Försök igen</button>
      </div>
    }
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
  protected readonly message = errorMessage;
}
