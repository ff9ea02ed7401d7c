import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TaskListItemDto } from '@rapportflode/api-contract';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { daysLateLabel, TASK_STATE_LABELS } from '@rapportflode/domain';

/** The tasks of "Mina uppgifter" and "Att granska", in the order the server gives (by deadline). */
@Component({
  selector: 'rf-task-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, SvDatePipe],
  template: `
    <div class="scroll" role="region" [attr.aria-label]="caption()" tabindex="0">
      <table class="data">
        <caption class="visually-hidden">
          {{ caption() }}
        </caption>
        <thead>
          <tr>
            <th scope="col">Avsnitt</th>
            <th scope="col">Enhet</th>
            <th scope="col">Rapport</th>
            <th scope="col">Status</th>
            <th scope="col">Sista dag</th>
            <th scope="col">Försening</th>
          </tr>
        </thead>
        <tbody>
          @for (task of tasks(); track task.id) {
            <tr>
              <th scope="row">
                <a [routerLink]="['/uppgifter', task.id]">{{ task.sectionNumber }} {{ task.sectionTitle }}</a>
              </th>
              <td>{{ task.unitName }}</td>
              <td>{{ task.cycleTitle }}</td>
              <td>
                <span class="state-badge" [class]="'state-' + task.state">{{ stateLabels[task.state] }}</span>
              </td>
              <td class="nowrap">{{ task.deadline | svDate }}</td>
              <td>
                @if (task.daysLate > 0) {
                  <span class="late"><span aria-hidden="true">⚠ </span>{{ lateText(task.daysLate) }}</span>
                } @else {
                  <span class="on-time">I tid</span>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    tbody th {
      font-weight: 600;
    }
    a {
      color: var(--mat-sys-primary);
    }
    .nowrap {
      white-space: nowrap;
    }
    .on-time {
      color: var(--mat-sys-on-surface-variant);
    }
    /*
     * On a phone each task is a card: the section as its heading line, then unit and report, then
     * status, deadline and lateness side by side; the column names stay for screen readers.
     */
    @media (max-width: 600px) {
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      table.data tr {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.75rem;
        padding: 0.75rem 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      table.data tr > * {
        display: block;
        padding: 0;
        border: 0;
      }
      tbody th {
        flex-basis: 100%;
        position: static;
      }
      tbody td:nth-child(2),
      tbody td:nth-child(3) {
        flex-basis: 100%;
        font: var(--mat-sys-body-medium);
        color: var(--mat-sys-on-surface-variant);
      }
    }
  `,
})
export class TaskTableComponent {
  readonly tasks = input.required<readonly TaskListItemDto[]>();
  readonly caption = input.required<string>();

  protected readonly stateLabels = TASK_STATE_LABELS;
  protected readonly lateText = daysLateLabel;
}
