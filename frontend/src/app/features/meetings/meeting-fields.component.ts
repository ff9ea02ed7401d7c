import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { ControlContainer, FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DateFieldComponent } from '../../shared/date-field/date-field.component';
import type { MeetingFactsForm } from './meeting-forms';

/**
 * The meeting's own fields – datum, starttid, plats, ordförande and sekreterare – as both the
 * "Nytt sammanträde" form and the meeting's Uppgifter edit them. It sits inside the caller's
 * form (its controls belong to that form); the ids start with `idPrefix`, so the fields stay
 * unique wherever they are used. Checking the values is `checkMeetingFacts`' part.
 */
@Component({
  selector: 'rf-meeting-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DateFieldComponent, FormsModule, MatFormFieldModule, MatInputModule],
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  templateUrl: './meeting-fields.component.html',
  styleUrls: ['./meeting-shared.css'],
})
export class MeetingFieldsComponent {
  /** The fields' values, two-way: `[(value)]="form"`. */
  readonly value = model.required<MeetingFactsForm>();
  /** Starts every id of the fields: the date field is `<idPrefix>-date`. */
  readonly idPrefix = input.required<string>();

  protected set(key: keyof MeetingFactsForm, text: string): void {
    this.value.update((form) => ({ ...form, [key]: text ?? '' }));
  }
}
