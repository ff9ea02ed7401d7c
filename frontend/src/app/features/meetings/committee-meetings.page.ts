import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { COMMITTEE_MEETINGS_API } from '@rapportflode/api-contract';
import { MEETING_STATE_LABELS } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage, isNotFound } from '../../core/api-client';
import { ResourceStatusComponent } from '../../shared/resource-status.component';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { MeetingFieldsComponent } from './meeting-fields.component';
import { checkMeetingFacts, isIsoDate, type MeetingFactsForm, meetingFactsForm } from './meeting-forms';
import { MeetingSettingsComponent } from './meeting-settings.component';

/**
 * A nämnd's sammanträden: the list (with the one of `?datum=` marked), "Nytt sammanträde" and the
 * nämnd's settings for those who manage its meetings.
 */
@Component({
  selector: 'rf-committee-meetings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MeetingFieldsComponent,
    MeetingSettingsComponent,
    ResourceStatusComponent,
    RouterLink,
    SvDatePipe,
  ],
  templateUrl: './committee-meetings.page.html',
  styleUrls: ['./meeting-shared.css', './committee-meetings.page.css'],
})
export class CommitteeMeetingsPage {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);

  /** The route's `:committeeId`. */
  readonly committeeId = input.required<string>();
  /** `?datum=ÅÅÅÅ-MM-DD`: the meeting of that day is marked and linked first. */
  readonly datum = input<string>();

  protected readonly list = rxResource({
    params: () => this.committeeId(),
    stream: ({ params }) => this.api.call(COMMITTEE_MEETINGS_API.list, { committeeId: params }),
  });
  protected readonly data = computed(() => (this.list.hasValue() ? this.list.value() : null));
  protected readonly meetings = computed(() =>
    [...(this.data()?.meetings ?? [])].sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime)),
  );
  protected readonly wantedDate = computed(() => {
    const date = this.datum()?.trim() ?? '';
    return isIsoDate(date) ? date : null;
  });
  protected readonly wanted = computed(() => this.meetings().find((m) => m.date === this.wantedDate()) ?? null);

  /** The new meeting's form; a `?datum=` without a meeting is offered as its date. */
  protected readonly form = linkedSignal<MeetingFactsForm>(() => ({
    ...meetingFactsForm(),
    date: this.wanted() ? '' : (this.wantedDate() ?? ''),
  }));
  protected readonly errors = signal<string[]>([]);
  protected readonly busy = signal(false);

  protected readonly stateLabels = MEETING_STATE_LABELS;
  protected readonly message = errorMessage;
  protected readonly notFound = isNotFound;

  protected async create(): Promise<void> {
    if (this.busy()) return;
    const checked = checkMeetingFacts(this.form());
    if (!checked.ok) {
      this.errors.set(checked.errors);
      return;
    }
    this.errors.set([]);
    this.busy.set(true);
    try {
      const created = await firstValueFrom(
        this.api.call(COMMITTEE_MEETINGS_API.create, { committeeId: this.committeeId() }, checked.value),
      );
      await this.router.navigate(['/sammantraden', created.id]);
    } catch (error) {
      this.errors.set([errorMessage(error)]);
    } finally {
      this.busy.set(false);
    }
  }
}
