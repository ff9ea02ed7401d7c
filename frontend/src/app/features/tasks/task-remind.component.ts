import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { REMINDED_STATES, TaskState } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';

/**
 * "Skicka påminnelse nu" for one unfinished task, for those who manage the cycle (the server's
 * rule on POST /api/tasks/:id/remind is `cycle.manage`, asked here of the same permission
 * table). The server queues it once a day; the answer ("Påminnelse köad till …", or that it is
 * already sent today) is shown next to the button.
 */
@Component({
  selector: 'rf-task-remind',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    @if (shown()) {
      <span class="remind">
        <button
          matButton="outlined"
          type="button"
          [disabled]="busy()"
          [attr.aria-describedby]="messageId()"
          [attr.aria-label]="label() ? 'Skicka påminnelse nu: ' + label() : null"
          (click)="remind()"
        >
          Skicka påminnelse nu
        </button>
        <span [id]="messageId()" class="message" role="status" aria-live="polite">{{ message() }}</span>
      </span>
    }
  `,
  styles: `
    .remind {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .message:empty {
      display: none;
    }
  `,
})
export class TaskRemindComponent {
  readonly taskId = input.required<string>();
  readonly state = input.required<TaskState>();
  /** What the button is about, for screen readers where several stand in a list (the overview). */
  readonly label = input<string>('');

  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);

  protected readonly shown = computed(() => this.auth.can('cycle.manage') && REMINDED_STATES.includes(this.state()));
  protected readonly messageId = computed(() => `remind-message-${this.taskId()}`);
  protected readonly busy = signal(false);
  protected readonly message = signal('');

  protected async remind(): Promise<void> {
    this.busy.set(true);
    this.message.set('');
    try {
      const answer = await firstValueFrom(this.api.remindTask(this.taskId()));
      this.message.set(`${answer.message}.`);
    } catch (error) {
      this.message.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
