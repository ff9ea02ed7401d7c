import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CycleOverviewDto } from '@rapportflode/api-contract';
import { daysLateLabel, OVERVIEW_FILTER_LABELS, TASK_STATE_LABELS } from '@rapportflode/domain';
import { TaskRemindComponent } from '../tasks/task-remind.component';
import { abbreviate, emptyFilterText, layoutOverview, type MatrixRow, progressText } from './cycle-view';

const HEADER_LENGTH = 26;

/**
 * The cycle overview's matrix: each task's state (a link to it), deadline, lateness and reviewers;
 * the nämnd level's sections as a list beside the units × the sections units deliver (layoutOverview).
 */
@Component({
  selector: 'rf-cycle-matrix',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TaskRemindComponent],
  templateUrl: './cycle-matrix.component.html',
  styleUrl: './cycle-matrix.component.css',
})
export class CycleMatrixComponent {
  readonly overview = input.required<CycleOverviewDto>();
  /** The matrix's rows (cycle-view.ts buildMatrix). */
  readonly rows = input.required<readonly MatrixRow[]>();

  protected readonly layout = computed(() => layoutOverview(this.rows()));

  protected readonly filterLabels = OVERVIEW_FILTER_LABELS;
  protected readonly stateLabels = TASK_STATE_LABELS;
  protected readonly progress = progressText;
  protected readonly lateText = daysLateLabel;
  protected readonly emptyText = emptyFilterText;

  protected short(title: string): string {
    return abbreviate(title, HEADER_LENGTH);
  }

  protected reviewersText(reviewers: readonly string[]): string {
    return reviewers.length ? `Granskas av ${reviewers.join(', ')}` : 'Ingen granskare utsedd';
  }
}
