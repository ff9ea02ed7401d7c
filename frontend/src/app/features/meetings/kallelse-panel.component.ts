import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DomSanitizer } from '@angular/platform-browser';
import { endpointUrl, type KallelseFormat, type KallelseVersionDto, MEETINGS_API } from '@rapportflode/api-contract';
import { ApiClient } from '../../core/api-client';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { MeetingStore } from './meeting-store';

/** "12 skickade, 1 väntar, 0 misslyckades" */
export function mailCountsText(mails: KallelseVersionDto['mails']): string {
  return `${mails.sent} skickade, ${mails.pending} väntar, ${mails.failed} misslyckades (av ${mails.total})`;
}

/**
 * Kallelse: the kallelse as it would go out now (preview, PDF, Word), "Skicka kallelsen" (held
 * back with the reasons the server gives), a rättelse's reason, and the versions sent with how
 * their mail went.
 */
@Component({
  selector: 'rf-kallelse-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, SvDatePipe],
  templateUrl: './kallelse-panel.component.html',
  styleUrls: ['./meeting-shared.css', './kallelse-panel.component.css'],
})
export class KallelsePanelComponent {
  protected readonly store = inject(MeetingStore);
  private readonly api = inject(ApiClient);
  private readonly sanitizer = inject(DomSanitizer);

  /** The preview, drawn again for every new version of the meeting. */
  protected readonly preview = computed(() => {
    const m = this.store.meeting();
    return m ? [{ version: m.version, url: this.sanitizer.bypassSecurityTrustResourceUrl(this.url('html')) }] : [];
  });
  protected readonly versions = computed(() =>
    [...(this.store.meeting()?.kallelseVersions ?? [])].sort((a, b) => b.version - a.version),
  );
  /** The next send is a rättelse (a kallelse has gone out): it needs a reason. */
  protected readonly correction = computed(() => (this.store.meeting()?.kallelseVersions.length ?? 0) > 0);
  protected readonly reason = signal('');
  protected readonly errors = signal<string[]>([]);
  protected readonly mails = mailCountsText;

  protected url(format: KallelseFormat, version?: number): string {
    return endpointUrl(MEETINGS_API.kallelse, { meetingId: this.store.meeting()?.id ?? '' }, { format, version });
  }

  protected async send(): Promise<void> {
    const meeting = this.store.meeting();
    if (!meeting || meeting.sendBlockers.length > 0) return;
    const reason = this.reason().trim();
    if (this.correction() && reason === '') {
      this.errors.set(['Skriv varför kallelsen rättas: anledningen står i rättelsen.']);
      return;
    }
    const ok = await this.store.change(
      (version) =>
        this.api.call(MEETINGS_API.sendKallelse, { meetingId: meeting.id }, { version, reason: reason || undefined }),
      this.correction()
        ? 'Rättelsen av kallelsen skickas nu till alla kallade.'
        : 'Kallelsen skickas nu till alla kallade.',
      { reason: reason || 'none', errors: this.errors },
    );
    if (ok) this.reason.set('');
  }
}
