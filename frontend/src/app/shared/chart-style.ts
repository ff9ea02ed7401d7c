/** The look the charts share: series colours (Material tokens) with a dash pattern each, so no series is told by colour alone. */
export const SERIES_STYLES: ReadonlyArray<{ colour: string; dash: string; marker: 'circle' | 'square' | 'diamond' }> = [
  { colour: 'var(--mat-sys-primary)', dash: '', marker: 'circle' },
  { colour: 'var(--mat-sys-tertiary)', dash: '6 3', marker: 'square' },
  { colour: 'var(--mat-sys-error)', dash: '2 3', marker: 'diamond' },
  { colour: 'var(--mat-sys-secondary)', dash: '10 3 2 3', marker: 'circle' },
];

export function seriesStyle(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length];
}

export const CHART_STYLES = `
  :host {
    display: block;
  }
  figure {
    margin: 0;
  }
  figcaption {
    font: var(--mat-sys-title-small);
    margin-bottom: 0.25rem;
  }
  svg {
    width: 100%;
    max-width: 32rem;
    height: auto;
    overflow: visible;
  }
  .axis text {
    font: var(--mat-sys-body-small);
    fill: var(--mat-sys-on-surface-variant);
  }
  .grid {
    stroke: var(--mat-sys-outline-variant);
    stroke-width: 1;
  }
  .zero {
    stroke: var(--mat-sys-outline);
    stroke-width: 1.5;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    padding: 0;
    margin: 0.25rem 0 0;
    font: var(--mat-sys-body-small);
  }
  .legend svg {
    width: 2rem;
    height: 0.75rem;
    vertical-align: middle;
    margin-right: 0.25rem;
  }
`;
