import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { MEETINGS_API, type ScanHitDto } from '@rapportflode/api-contract';
import { ApiClient } from '../../core/api-client';
import { SvDatePipe, SvNumberPipe } from '../../shared/sv-format.pipes';
import { MeetingStore } from './meeting-store';
import {
  highlightMatch,
  hitDocument,
  publishBlockers,
  publishedAsCompiled,
  SCAN_HIT_KIND_LABELS,
  unresolvedHits,
} from './scan-hits';

/**
 * Publicering: what the scan of the public handlingar found (personnummer, e-postadresser …),
 * each hit handled in one of three ways (replace the handling, make it secret, or say it is no
 * personal data, with a reason), then "Publicera" and the record of what was published.
 */
@Component({
  selector: 'rf-publication-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, SvDatePipe, SvNumberPipe],
  templateUrl: './publication-panel.component.html',
  styleUrls: ['./meeting-shared.css', './publication-panel.component.css'],
})
export class PublicationPanelComponent {
  protected readonly store = inject(MeetingStore);
  private readonly api = inject(ApiClient);

  /** Another tab of the page: Ärenden (to replace a handling) or Handlingar (to compile again). */
  readonly goTo = output<'arenden' | 'handlingar'>();

  protected readonly hits = computed(() => this.store.meeting()?.scanHits ?? []);
  protected readonly open = computed(() => unresolvedHits(this.hits()));
  protected readonly blockers = computed(() => {
    const m = this.store.meeting();
    return m ? publishBlockers(m) : [];
  });
  protected readonly upToDate = computed(() => {
    const m = this.store.meeting();
    return m ? publishedAsCompiled(m) : false;
  });
  protected readonly kindLabels = SCAN_HIT_KIND_LABELS;
  protected readonly highlight = highlightMatch;

  /** The hit whose "Inte en personuppgift" form is open, and its reason. */
  protected readonly dismissing = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly dismissErrors = signal<string[]>([]);

  protected documentOf(hit: ScanHitDto) {
    const m = this.store.meeting();
    return m ? hitDocument(m, hit) : null;
  }

  protected makeSecret(hit: ScanHitDto): void {
    const document = this.documentOf(hit);
    if (document) void this.store.setDocumentSecret(document, true);
  }

  protected startDismiss(hit: ScanHitDto): void {
    this.dismissing.set(hit.id);
    this.reason.set('');
    this.dismissErrors.set([]);
  }

  protected async dismiss(hit: ScanHitDto): Promise<void> {
    const meeting = this.store.meeting();
    const reason = this.reason().trim();
    if (!meeting) return;
    if (reason === '') {
      this.dismissErrors.set(['Skriv varför träffen inte är en personuppgift: anledningen sparas i publiceringen.']);
      return;
    }
    const ok = await this.store.change(
      () => this.api.call(MEETINGS_API.resolveHit, { meetingId: meeting.id, hitId: hit.id }, { reason }),
      `Träffen ${hit.match} är markerad som inte en personuppgift.`,
      { reason: 'none', errors: this.dismissErrors },
    );
    if (ok) this.dismissing.set(null);
  }

  protected publish(): void {
    const meeting = this.store.meeting();
    if (!meeting || this.blockers().length > 0 || this.upToDate()) return;
    void this.store.change(
      () => this.api.call(MEETINGS_API.publish, { meetingId: meeting.id }, {}),
      'Handlingarna är publicerade.',
      { reason: 'none' },
    );
  }
}
