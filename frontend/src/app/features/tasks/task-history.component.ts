import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TaskTransitionDto } from '@rapportflode/api-contract';
import { TASK_STATE_LABELS, WORKFLOW } from '@rapportflode/domain';
import { SvDatePipe } from '../../shared/sv-format.pipes';

/** "Historik": every transition of the task, who made it and the text given with it. */
@Component({
  selector: 'rf-task-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SvDatePipe],
  template: `
    <section class="history" aria-labelledby="history-heading">
      <h2 id="history-heading">Historik</h2>
      @if (history().length > 0) {
        <ol>
          @for (entry of history(); track $index) {
            <li>
              <p>
                <span class="time">{{ entry.at | svDate: true }}</span>
                <strong>{{ entry.actorName }}</strong>: {{ workflow[entry.transition].label }} (från
                {{ stateLabels[entry.from] }} till {{ stateLabels[entry.to] }})
              </p>
              @if (entry.text) {
                <blockquote>{{ entry.text }}</blockquote>
              }
            </li>
          }
        </ol>
      } @else {
        <p class="muted">Inget har hänt med uppgiften ännu.</p>
      }
    </section>
  `,
  styleUrls: ['../../shared/workflow/workflow-forms.css'],
  styles: `
    ol {
      padding-left: 1.25rem;
    }
    p {
      margin: 0.25rem 0;
    }
    .time {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
      margin: 0 0.5rem;
    }
    blockquote {
      margin: 0.25rem 0 0.75rem 1rem;
      padding-left: 0.75rem;
      border-left: 3px solid var(--mat-sys-outline-variant);
      white-space: pre-wrap;
    }
  `,
})
export class TaskHistoryComponent {
  readonly history = input.required<readonly TaskTransitionDto[]>();

  protected readonly workflow = WORKFLOW;
  protected readonly stateLabels = TASK_STATE_LABELS;
}
