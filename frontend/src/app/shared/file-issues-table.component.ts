import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One problem in an imported file: its line, the column (null for the whole row or file) and what is wrong. */
export interface FileIssue {
  line: number;
  column: string | null;
  message: string;
}

/** The look of an import page's tables: spaced apart, captions as small titles, figures right-aligned. */
export const IMPORT_TABLE_STYLES = `
  table {
    margin-bottom: 1.5rem;
  }
  caption {
    text-align: left;
    font: var(--mat-sys-title-small);
    padding-bottom: 0.5rem;
  }
  .figure {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;

/**
 * The problems an import found in a file, by line and column (the organisation import, the
 * economy import). Named by `caption`, or by the heading `labelledBy` points to.
 */
@Component({
  selector: 'rf-file-issues-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="data" [attr.aria-labelledby]="labelledBy()">
      @if (caption(); as text) {
        <caption>{{ text }}</caption>
      }
      <thead>
        <tr>
          <th scope="col">Rad</th>
          <th scope="col">Kolumn</th>
          <th scope="col">Fel</th>
        </tr>
      </thead>
      <tbody>
        @for (issue of issues(); track $index) {
          <tr>
            <td class="figure">{{ issue.line }}</td>
            <td>{{ issue.column ?? '–' }}</td>
            <td>{{ issue.message }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: [
    IMPORT_TABLE_STYLES,
    `
      :host {
        display: block;
      }
    `,
  ],
})
export class FileIssuesTableComponent {
  readonly issues = input.required<readonly FileIssue[]>();
  readonly caption = input<string | null>(null);
  readonly labelledBy = input<string | null>(null);
}
