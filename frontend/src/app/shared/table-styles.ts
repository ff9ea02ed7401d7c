/**
 * The look of the app's figure tables (the structured section editors, the economy table, a
 * chart's table): wrapped to scroll sideways on a narrow screen, collapsed borders, bordered cells.
 */
export const FIGURE_TABLE_STYLES = `
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    font: var(--mat-sys-body-medium);
  }
  th,
  td {
    border: 1px solid var(--mat-sys-outline-variant);
    padding: 0.25rem 0.5rem;
  }
`;
