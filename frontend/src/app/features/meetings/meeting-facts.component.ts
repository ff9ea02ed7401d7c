import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MEETINGS_API, type MeetingDto, type ParticipantDto } from '@rapportflode/api-contract';
import { PARTICIPANT_ROLE_LABELS, PARTICIPANT_ROLES, type ParticipantRole } from '@rapportflode/domain';
import { ApiClient } from '../../core/api-client';
import { MeetingFieldsComponent } from './meeting-fields.component';
import { checkMeetingFacts, type MeetingFactsForm, meetingFactsForm, type ParticipantForm } from './meeting-forms';
import { MeetingStore } from './meeting-store';

/** A participant row of the form, with what the server knows of them (shown, not edited). */
interface ParticipantRow extends ParticipantForm {
  key: number;
  absent: boolean;
  hasAccount: boolean;
}

let nextKey = 0;

function rows(participants: readonly ParticipantDto[]): ParticipantRow[] {
  return participants.map((p) => ({
    key: nextKey++,
    name: p.name,
    email: p.email ?? '',
    role: p.role,
    party: p.party ?? '',
    absent: p.absent,
    hasAccount: p.userId !== null,
  }));
}

/** Uppgifter: the meeting's date, time, place, ordförande and sekreterare, and who is called (ledamöter, ersättare). */
@Component({
  selector: 'rf-meeting-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MeetingFieldsComponent],
  templateUrl: './meeting-facts.component.html',
  styleUrls: ['./meeting-shared.css', './meeting-facts.component.css'],
})
export class MeetingFactsComponent {
  protected readonly store = inject(MeetingStore);
  private readonly api = inject(ApiClient);

  /** The meeting as far as the form cares: a new version resets it. */
  private readonly current = computed(() => this.store.meeting(), {
    equal: (a, b) => a?.id === b?.id && a?.version === b?.version,
  });
  protected readonly form = linkedSignal<MeetingFactsForm>(() => meetingFactsForm(this.current() ?? undefined));
  protected readonly participants = linkedSignal<ParticipantRow[]>(() => rows(this.current()?.participants ?? []));
  protected readonly errors = signal<string[]>([]);

  protected readonly roles = PARTICIPANT_ROLES;
  protected readonly roleLabels = PARTICIPANT_ROLE_LABELS;
  protected readonly groupTitles: Record<ParticipantRole, string> = { member: 'Ledamöter', substitute: 'Ersättare' };
  protected readonly addLabels: Record<ParticipantRole, string> = {
    member: 'Lägg till ledamot',
    substitute: 'Lägg till ersättare',
  };

  protected rowsOf(role: ParticipantRole): ParticipantRow[] {
    return this.participants().filter((p) => p.role === role);
  }

  protected setRow(key: number, field: 'name' | 'email' | 'party' | 'role', value: string): void {
    this.participants.update((list) => list.map((p) => (p.key === key ? { ...p, [field]: value } : p)));
  }

  protected add(role: ParticipantRole): void {
    this.participants.update((list) => [
      ...list,
      { key: nextKey++, name: '', email: '', role, party: '', absent: false, hasAccount: false },
    ]);
  }

  protected remove(key: number): void {
    this.participants.update((list) => list.filter((p) => p.key !== key));
  }

  protected reset(): void {
    this.form.set(meetingFactsForm(this.current() ?? undefined));
    this.participants.set(rows(this.current()?.participants ?? []));
    this.errors.set([]);
  }

  protected async save(meeting: MeetingDto): Promise<void> {
    const checked = checkMeetingFacts(this.form(), this.participants());
    if (!checked.ok) {
      this.errors.set(checked.errors);
      return;
    }
    this.errors.set([]);
    await this.store.change(
      (version, reason) =>
        this.api.call(
          MEETINGS_API.update,
          { meetingId: meeting.id },
          { ...checked.value, participants: checked.value.participants ?? [], version, reason },
        ),
      'Uppgifterna sparades.',
      { errors: this.errors },
    );
  }
}
