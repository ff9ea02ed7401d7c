import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { Autosave } from './autosave';

/**
 * The saving state under an editor: the status line (a live region the editor points at with
 * `aria-describedby`), a retry after a failed save, and what the server's sanitizer removed.
 */
@Component({
  selector: 'rf-save-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <p [id]="statusId()" class="save-status" role="status" aria-live="polite">{{ autosave().text() }}</p>
    <ng-content />
    @if (retryable() && autosave().status().kind === 'error') {
      <button matButton="outlined" type="button" (click)="retry.emit()">Försök spara igen</button>
    }
    @if (removed().length > 0) {
      <div class="removed" role="note">
        <p>Det här togs bort när texten sparades:</p>
        <ul>
          @for (item of removed(); track item) {
            <li>{{ item }}</li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .save-status {
      min-height: 1.5rem;
      margin: 0.5rem 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .removed {
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container-high);
    }
  `,
})
export class SaveStatusComponent {
  readonly autosave = input.required<Autosave>();
  /** The status line's id (the editor's `describedBy`). */
  readonly statusId = input('save-status');
  /** What the last save removed (an unsafe link, …). */
  readonly removed = input<readonly string[]>([]);
  /** Offer "Försök spara igen" after a failed save (pages with their own Spara button do not). */
  readonly retryable = input(true);
  readonly retry = output<void>();
}
