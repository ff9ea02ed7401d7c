/**
 * The look of the app's figure tables (the structured section editors, the economy table, a
 * chart's table): a wide one scrolls inside its own wrapper, with the header row and the first
 * column kept in view; collapsed borders, bordered cells. The wrapper is the containing block of
 * the cells' visually hidden texts, which would otherwise stretch the page sideways.
 */
export const FIGURE_TABLE_STYLES = `
  .table-wrap {
    position: relative;
    overflow: auto;
  }
  @media (min-width: 601px) {
    .table-wrap {
      max-height: calc(100vh - 5rem);
    }
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    font: var(--mat-sys-body-medium);
  }
  th,
  td {
    border-right: 1px solid var(--mat-sys-outline-variant);
    border-bottom: 1px solid var(--mat-sys-outline-variant);
    padding: 0.25rem 0.5rem;
  }
  tr > :first-child {
    border-left: 1px solid var(--mat-sys-outline-variant);
  }
  thead tr:first-child > *,
  table > tr:first-child > *,
  tbody:first-child tr:first-child > * {
    border-top: 1px solid var(--mat-sys-outline-variant);
  }
  .table-wrap thead tr:only-child th {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--mat-sys-surface-container, var(--mat-sys-surface));
  }
  .table-wrap :is(tbody, tfoot) th:first-child {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--mat-sys-surface);
  }
  .table-wrap thead tr:only-child th:first-child {
    left: 0;
    z-index: 3;
  }
  /* A row's buttons (move, remove) stacked, so the last column stays narrow. */
  td.actions {
    width: 1%;
  }
  td.actions button {
    display: block;
    width: 100%;
    white-space: nowrap;
    text-align: left;
  }
`;
