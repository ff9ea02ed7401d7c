import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { formatDateTime } from '@rapportflode/domain';
import { SessionKeeper } from './session-keeper';

/** A few minutes before an idle session ends: when, and a button that keeps it alive. */
@Component({
  selector: 'rf-idle-warning',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <!-- Only while it warns (an alert is announced as it appears; no empty alert in the page otherwise). -->
    @if (keeper.warning(); as warning) {
      <div role="alert" class="idle-warning">
        <p>Du har inte gjort något på en stund. Du loggas ut kl. {{ time(warning.endsAt) }} om du inte fortsätter.</p>
        <button matButton="filled" type="button" (click)="keeper.keepAlive()">Fortsätt vara inloggad</button>
      </div>
    }
  `,
  styles: `
    .idle-warning {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      padding: 0.75rem 1rem;
      background: var(--mat-sys-tertiary-container, #fff3cd);
      color: var(--mat-sys-on-tertiary-container, #1a1c1e);
    }
    .idle-warning p {
      margin: 0;
    }
  `,
})
export class IdleWarningComponent {
  protected readonly keeper = inject(SessionKeeper);
  protected time(at: Date): string {
    return formatDateTime(at).split(' ')[1] ?? '';
  }
}
