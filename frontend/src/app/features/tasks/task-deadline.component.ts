import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { TaskDto } from '@rapportflode/api-contract';
import { isIsoDate } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { DateFieldComponent } from '../../shared/date-field/date-field.component';

/**
 * "Sista dag" of one task, for those who may change it (the server's rule on PATCH
 * /api/tasks/:id is `cycle.manage`, asked here of the same permission table): a date, or back
 * to the cycle's deadline.
 */
@Component({
  selector: 'rf-task-deadline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DateFieldComponent, FormsModule, MatButtonModule],
  template: `
    @if (allowed()) {
      <form class="deadline" (submit)="$event.preventDefault(); save(value())" aria-labelledby="deadline-heading">
        <h2 id="deadline-heading">Ändra sista dag</h2>
        <div class="row">
          <rf-date-field
            label="Sista dag för uppgiften (ÅÅÅÅ-MM-DD)"
            inputId="task-deadline-input"
            describedByExtra="task-deadline-message"
            [ngModel]="value()"
            (ngModelChange)="value.set($event)"
            [ngModelOptions]="{ standalone: true }"
          />
          <button matButton="outlined" type="submit" [disabled]="busy()">Spara sista dag</button>
          <button matButton type="button" [disabled]="busy()" (click)="save(null)">Återställ till cykelns</button>
        </div>
        <p id="task-deadline-message" role="status" aria-live="polite">{{ message() }}</p>
      </form>
    }
  `,
  styles: `
    .deadline {
      margin: 1rem 0;
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.25rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    label {
      display: block;
      margin-bottom: 0.25rem;
    }
    p {
      margin: 0.25rem 0;
      min-height: 1.25rem;
    }
  `,
})
export class TaskDeadlineComponent {
  readonly task = input.required<TaskDto>();
  /** The task as the server answers after the change. */
  readonly changed = output<TaskDto>();

  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);

  protected readonly allowed = computed(() => this.auth.can('cycle.manage'));
  protected readonly value = signal('');
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly invalid = signal(false);

  constructor() {
    effect(() => this.value.set(this.task().deadline));
  }

  protected async save(deadline: string | null): Promise<void> {
    if (deadline !== null && !isIsoDate(deadline)) {
      this.invalid.set(true);
      this.message.set('Sista dag måste vara ett datum (ÅÅÅÅ-MM-DD).');
      return;
    }
    this.invalid.set(false);
    this.busy.set(true);
    try {
      const task = await firstValueFrom(this.api.updateTask(this.task().id, { deadline }));
      this.message.set(deadline === null ? `Sista dag följer cykeln igen: ${task.deadline}.` : `Sista dag är ändrad till ${task.deadline}.`);
      this.changed.emit(task);
    } catch (error) {
      this.message.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
