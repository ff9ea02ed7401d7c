import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AccessibleTable } from '@rapportflode/domain';

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
  styles: `
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding: 0.25rem 0;
    }
    th,
    td {
      border: 1px solid var(--mat-sys-outline-variant);
      padding: 0.25rem 0.5rem;
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
})
export class AccessibleTableComponent {
  readonly table = input.required<AccessibleTable>();
}
