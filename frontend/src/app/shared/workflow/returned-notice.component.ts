import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Transition } from '@rapportflode/domain';
import { SvDatePipe } from '../sv-format.pipes';

/** One step of a subject's history, as the task and memo DTOs give it (oldest first). */
export interface HistoryStep {
  transition: Transition;
  actorName: string;
  text: string | null;
  at: string;
}

/**
 * The return or reopening the writer still has to answer: the latest `return` or `reopen`
 * after the latest `submit` (null when the subject was submitted again since, or never returned).
 */
export function openReturn<T extends HistoryStep>(history: readonly T[]): T | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const step = history[i];
    if (step.transition === 'submit') return null;
    if (step.transition === 'return' || step.transition === 'reopen') return step;
  }
  return null;
}

/**
 * A returned (or reopened) subject's reason, at the top of its page, from the return until it is
 * handed in again, also while it is reworked as a draft.
 */
@Component({
  selector: 'rf-returned-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SvDatePipe],
  template: `
    @if (step(); as s) {
      <div class="returned" role="status" data-testid="returned-notice">
        <p>
          <strong>{{ s.transition === 'return' ? 'Återremitterad' : 'Öppnad igen' }} av {{ s.actorName }} {{ s.at | svDate: true }}:</strong>
          {{ s.text }}
        </p>
      </div>
    }
  `,
  styles: `
    .returned {
      border: 1px solid var(--mat-sys-tertiary);
      border-left-width: 6px;
      border-radius: 0.5rem;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      padding: 0.5rem 1rem;
      margin: 0 0 1rem;
    }
    p {
      margin: 0.25rem 0;
      white-space: pre-wrap;
    }
  `,
})
export class ReturnedNoticeComponent {
  readonly history = input.required<readonly HistoryStep[]>();

  protected readonly step = computed(() => openReturn(this.history()));
}
