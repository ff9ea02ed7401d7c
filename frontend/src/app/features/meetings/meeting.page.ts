import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MEETING_STATE_LABELS } from '@rapportflode/domain';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { AgendaBuilderComponent } from './agenda-builder.component';
import { KallelsePanelComponent } from './kallelse-panel.component';
import { MeetingFactsComponent } from './meeting-facts.component';
import { MeetingReadingComponent } from './meeting-reading.component';
import { MeetingStore } from './meeting-store';
import { PackagePanelComponent } from './package-panel.component';
import { PublicationPanelComponent } from './publication-panel.component';

/** The tabs of the secretary's page, as `?flik=` names them. */
export const MEETING_TABS = ['uppgifter', 'arenden', 'kallelse', 'handlingar', 'publicering'] as const;
export type MeetingTab = (typeof MEETING_TABS)[number];

/**
 * One sammanträde. Who manages it gets the tabs Uppgifter, Ärenden (the föredragningslista),
 * Kallelse, Handlingar and Publicering; a ledamot or anyone else who may read it gets the
 * package to read, with their own notes and förhinder (meeting-reading.component.ts).
 */
@Component({
  selector: 'rf-meeting-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [MeetingStore],
  imports: [
    AgendaBuilderComponent,
    KallelsePanelComponent,
    MatButtonModule,
    MatProgressBarModule,
    MatTabsModule,
    MeetingFactsComponent,
    MeetingReadingComponent,
    PackagePanelComponent,
    PublicationPanelComponent,
    RouterLink,
    SvDatePipe,
  ],
  templateUrl: './meeting.page.html',
  styleUrls: ['./meeting-shared.css', './meeting.page.css'],
})
export class MeetingPage {
  protected readonly store = inject(MeetingStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** The route's `:meetingId`. */
  readonly meetingId = input.required<string>();
  /** `?flik=`: the tab shown. */
  readonly flik = input<string>();

  protected readonly tabIndex = computed(() => Math.max(0, MEETING_TABS.indexOf(this.flik() as MeetingTab)));
  protected readonly stateLabels = MEETING_STATE_LABELS;

  constructor() {
    effect(() => void this.store.load(this.meetingId()));
  }

  protected selectTab(index: number): void {
    const tab = MEETING_TABS[index] ?? 'uppgifter';
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { flik: tab === 'uppgifter' ? null : tab },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
