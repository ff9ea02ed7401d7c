import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { TaskDto } from '@rapportflode/api-contract';
import { ApiClient, errorMessage } from '../../core/api-client';
import { diffCellText } from '../section-editors/section-views';
import { diffHeading, diffRounds } from './task-format';

/** "Ändringar": one handed-in round against another (text with ins/del, tables as changed cells). */
@Component({
  selector: 'rf-task-diff',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule],
  templateUrl: './task-diff.component.html',
  styleUrls: ['../../shared/workflow/workflow-forms.css', './task-diff.component.css'],
})
export class TaskDiffComponent {
  private readonly api = inject(ApiClient);

  readonly task = input.required<TaskDto>();
  /** A table section: changed cells instead of text. */
  readonly structured = input.required<boolean>();

  protected readonly heading = diffHeading;
  protected readonly message = errorMessage;
  protected readonly rounds = computed(() => diffRounds(this.task().snapshots));
  private readonly snapshotCount = computed(() => this.task().snapshots.length);
  /** The rounds chosen; back to the defaults (the latest against the one before) when a round is added. */
  private readonly from = linkedSignal<number, number | undefined>({ source: this.snapshotCount, computation: () => undefined });
  private readonly to = linkedSignal<number, number | undefined>({ source: this.snapshotCount, computation: () => undefined });
  private readonly params = computed(
    () => {
      const task = this.task();
      if (task.snapshots.length === 0) return undefined;
      return { id: task.id, snapshots: task.snapshots.length, from: this.from(), to: this.to() };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly diff = rxResource({
    params: () => this.params(),
    stream: ({ params }) => this.api.taskDiff(params.id, params.from, params.to),
  });
  protected readonly shown = computed(() => (this.diff.hasValue() ? this.diff.value() : undefined));

  /** A changed cell's value: a figure the Swedish way with the section's decimals, `–` for none. */
  protected cellValue(value: number | string | null): string {
    const task = this.task();
    return diffCellText(task.kind, task.sectionConfig, value);
  }

  protected chooseFrom(value: string): void {
    const shown = this.shown();
    this.from.set(Number(value));
    this.to.set(shown?.to ?? this.to());
  }

  protected chooseTo(value: string): void {
    const shown = this.shown();
    this.to.set(Number(value));
    this.from.set(shown?.from ?? this.from());
  }
}
