/**
 * The plain bordered button of the editors (the rich-text toolbar, the nämnd table's fetch
 * button, the structured editors' row buttons) for the buttons `selector` picks.
 */
export function plainButtonStyles(selector: string, padding = '0.375rem 0.75rem'): string {
  return `
  ${selector} {
    font: var(--mat-sys-label-large);
    color: var(--mat-sys-on-surface);
    background: var(--mat-sys-surface);
    border: 1px solid var(--mat-sys-outline);
    border-radius: 0.25rem;
    padding: ${padding};
    cursor: pointer;
  }
`;
}
