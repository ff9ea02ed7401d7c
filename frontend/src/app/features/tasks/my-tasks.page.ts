import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ApiClient, errorMessage } from '../../core/api-client';
import { TaskTableComponent } from './task-table.component';

@Component({
  selector: 'rf-my-tasks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TaskTableComponent],
  template: `
    <h1>Mina uppgifter</h1>
    <p class="lead">Avsnitten du skriver, med den närmaste deadlinen först.</p>
    @if (tasks.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Hämtar uppgifterna" />
    }
    @if (tasks.error(); as error) {
      <div class="error" role="alert">
        <p>Uppgifterna kunde inte hämtas. {{ message(error) }}</p>
        <button matButton="outlined" type="button" (click)="tasks.reload()">Försök igen</button>
      </div>
    }
    @if (tasks.hasValue()) {
      @if (tasks.value().tasks.length > 0) {
        <rf-task-table [tasks]="tasks.value().tasks" caption="Mina uppgifter, ordnade efter deadline" />
      } @else {
        <p class="empty">Du har inga uppgifter just nu.</p>
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
export class MyTasksPage {
  private readonly api = inject(ApiClient);
  protected readonly tasks = rxResource({ stream: () => this.api.myTasks() });
  protected readonly message = errorMessage;
}
