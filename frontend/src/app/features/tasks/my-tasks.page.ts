import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ApiClient } from '../../core/api-client';
import { TaskTableComponent } from './task-table.component';
import { ResourceStatusComponent } from '../../shared/resource-status.component';

@Component({
  selector: 'rf-my-tasks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ResourceStatusComponent, TaskTableComponent],
  template: `
    <h1>Mina uppgifter</h1>
    <p class="lead">Avsnitten du skriver, med den närmaste deadlinen först.</p>
    <rf-resource-status [resource]="tasks" loadingLabel="Hämtar uppgifterna" failure="Uppgifterna kunde inte hämtas." />
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
}
