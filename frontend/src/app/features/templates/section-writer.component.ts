import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { isWriterRole, ROLE_LABELS, ROLES, type Role } from '@rapportflode/domain';

/** The default rule's words (writesTask in libs/domain/src/lib/workflow.ts). */
export const DEFAULT_WRITER_LABEL = 'Som vanligt: enhetschefen för en enhets avsnitt, nämndsekreteraren på nämndnivå';

/**
 * "Skrivs av": which role writes a template section. Shown as a line with the choice and a
 * button that opens the select; open from the start when the section already names a role.
 */
@Component({
  selector: 'rf-section-writer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="writer">
      <span class="summary" [id]="'writer-summary-' + uid()">Skrivs av: {{ roleLabel() }}</span>
      @if (!expanded()) {
        <button type="button" class="change" [id]="'writer-change-' + uid()" [attr.aria-describedby]="'writer-summary-' + uid()" (click)="opened.set(true)">
          Ändra vem som skriver
        </button>
      } @else {
        <label [for]="'writer-' + uid()">Skrivs av</label>
        <select [id]="'writer-' + uid()" [value]="role() ?? ''" (change)="pick($event)">
          <option value="">{{ defaultLabel }}</option>
          @for (option of options; track option.value) {
            <option [value]="option.value" [selected]="option.value === role()">{{ option.label }}</option>
          }
        </select>
      }
    </div>
  `,
  styles: `
    .writer { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.25rem 0 0.5rem; }
    .summary { color: var(--rf-muted, #444); }
    select { max-width: 100%; }
  `,
})
export class SectionWriterComponent {
  /** The section's uid in the editor (ids: `writer-<uid>`, `writer-change-<uid>`, `writer-summary-<uid>`). */
  readonly uid = input.required<string>();
  readonly role = input<Role | null>(null);
  readonly chosen = output<Role | null>();

  protected readonly opened = signal(false);
  protected readonly expanded = computed(() => this.opened() || this.role() !== null);
  protected readonly defaultLabel = DEFAULT_WRITER_LABEL;
  protected readonly options = ROLES.filter(isWriterRole).map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  protected readonly roleLabel = computed(() => {
    const role = this.role();
    return role ? ROLE_LABELS[role] : 'som vanligt (enhetschef eller nämndsekreterare)';
  });

  protected pick(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.chosen.emit(value ? (value as Role) : null);
  }
}
