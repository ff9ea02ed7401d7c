import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AccessibleTable } from '@rapportflode/domain';
import { FIGURE_TABLE_STYLES } from './table-styles';

/** A chart's figures as a table (caption, column and row headers): what the chart shows, for everyone. */
@Component({
  selector: 'rf-accessible-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table>
        <caption>
          {{ table().caption }}
        </caption>
        <thead>
          <tr>
            @for (header of table().columnHeaders; track $index) {
              <th scope="col">{{ header }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of table().rows; track $index) {
            <tr>
              <th scope="row">{{ row.header }}</th>
              @for (cell of row.cells; track $index) {
                <td>
                  @if (cell.srText) {
                    <span aria-hidden="true">{{ cell.text }}</span><span class="visually-hidden">{{ cell.srText }}</span>
                  } @else {
                    {{ cell.text }}
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: [
    FIGURE_TABLE_STYLES,
    `
      caption {
        text-align: left;
        font: var(--mat-sys-title-small);
        padding: 0.25rem 0;
      }
      th,
      td {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      th[scope='row'],
      thead th:first-child {
        text-align: left;
        white-space: normal;
      }
    `,
  ],
})
export class AccessibleTableComponent {
  readonly table = input.required<AccessibleTable>();
}
