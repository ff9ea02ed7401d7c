import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { staleSaveHeading, type StaleSaveBy } from '@rapportflode/domain';

/**
 * The frame of a stale save: who saved the newer version ("Du har sparat en nyare version i en
 * annan flik …" for the same person, else "{namn} har sparat en nyare version kl. HH:MM"), the
 * server's message, then the page's versions (projected) and its choices (projected with
 * `conflict-actions`). The region is focusable (tabindex -1): the page moves the focus to it
 * (`focusAfterRender(injector, panelId)`).
 */
@Component({
  selector: 'rf-conflict-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section [id]="panelId()" class="conflict" [attr.aria-labelledby]="panelId() + '-heading'" tabindex="-1">
      @if (level() === 2) {
        <h2 [id]="panelId() + '-heading'">{{ heading() }}</h2>
      } @else {
        <h3 [id]="panelId() + '-heading'">{{ heading() }}</h3>
      }
      <p class="error" role="alert">{{ message() }}</p>
      <ng-content />
      <div class="conflict-actions">
        <ng-content select="[conflict-actions]" />
      </div>
    </section>
  `,
  styles: `
    .conflict {
      margin: 1rem 0;
      padding: 0.75rem 1rem;
      border: 2px solid var(--mat-sys-error, #b3261e);
      border-radius: 0.5rem;
    }
    .conflict:focus {
      outline: 3px solid #1a4f8b;
      outline-offset: 2px;
    }
    .conflict-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-top: 0.75rem;
    }
  `,
})
export class ConflictPanelComponent {
  /** Who saved the stored version (see version-conflict.ts `staleSaveBy`); unknown: "Någon annan". */
  readonly savedBy = input<StaleSaveBy | null>(null);
  protected readonly heading = computed(() => {
    const by = this.savedBy();
    return by ? staleSaveHeading(by) : 'Någon annan har sparat ändringar';
  });
  /** The section's id (the focus target); its heading gets `<id>-heading`. */
  readonly panelId = input.required<string>();
  /** The heading's level where the panel sits. */
  readonly level = input<2 | 3>(3);
  readonly message = input.required<string>();
}
