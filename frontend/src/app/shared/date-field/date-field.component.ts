import {
  type AfterViewInit,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  forwardRef,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatDatepickerInput, MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput, MatInputModule } from '@angular/material/input';
import { parseIsoDate, provideSvDates, toIsoDate } from './sv-date-adapter';

let nextId = 0;

export const INVALID_DATE_MESSAGE = 'Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD (t.ex. 2026-09-10).';

/**
 * The one date field of the app: typed as ÅÅÅÅ-MM-DD or picked in a Swedish calendar (weeks
 * from Monday), whatever the browser's locale. Its value (ngModel) is the ISO date string,
 * '' when empty, or the text as typed while it is not a date — so a form's own check refuses
 * it too; the field itself says so in Swedish.
 */
@Component({
  selector: 'rf-date-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatInputModule, MatDatepickerModule],
  providers: [...provideSvDates(), { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => DateFieldComponent), multi: true }],
  template: `
    <mat-form-field [appearance]="appearance()" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input
        #field
        matInput
        type="text"
        [id]="inputId()"
        [matDatepicker]="picker"
        autocomplete="off"
        inputmode="numeric"
        maxlength="10"
        placeholder="ÅÅÅÅ-MM-DD"
        [required]="required()"
        [disabled]="disabled()"
        [errorStateMatcher]="errorMatcher"
        [aria-describedby]="describedByExtra() ?? ''"
        (input)="typed($any($event.target).value)"
        (dateChange)="picked($event.value)"
        (blur)="blurred()"
      />
      <mat-datepicker-toggle matIconSuffix [for]="picker" aria-label="Öppna kalendern" />
      <mat-datepicker #picker />
      <mat-hint [id]="inputId() + '-hint'">ÅÅÅÅ-MM-DD</mat-hint>
      <mat-error class="date-error" [id]="inputId() + '-error'">{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class DateFieldComponent implements ControlValueAccessor, AfterViewInit {
  readonly label = input.required<string>();
  readonly inputId = input(`rf-date-${nextId++}`);
  readonly required = input(false);
  readonly appearance = input<'outline' | 'fill'>('outline');
  /** Ids of texts outside the field that describe it too (a status line). */
  readonly describedByExtra = input<string | null>(null);

  private readonly dateInput = viewChild.required(MatDatepickerInput<Date>);
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');
  private readonly matInput = viewChild.required(MatInput);
  protected readonly disabled = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The value last sent to the form: a value coming back is not written into the input again. */
  private last: string | null = null;
  private pending: string | null = null;
  private viewReady = false;
  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  /** The field is in error (red, aria-invalid, the message shown) exactly while its text is not a date. */
  protected readonly errorMatcher: ErrorStateMatcher = { isErrorState: () => this.error() !== null };

  ngAfterViewInit(): void {
    this.viewReady = true;
    if (this.pending !== null) this.show(this.pending);
  }

  writeValue(value: unknown): void {
    const text = typeof value === 'string' ? value : '';
    if (text === this.last) return;
    this.last = text;
    if (this.viewReady) this.show(text);
    else this.pending = text;
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected typed(raw: string): void {
    const text = raw.trim();
    const date = parseIsoDate(text);
    const value = text === '' ? '' : date ? toIsoDate(date) : text;
    // A date typed in full that does not exist is named at once; a half-typed one on leaving the field.
    if (text === '' || date) this.setError(null);
    else if (text.length >= 10) this.setError(INVALID_DATE_MESSAGE);
    this.emit(value);
  }

  protected picked(date: Date | null): void {
    if (!date) return;
    this.setError(null);
    this.emit(toIsoDate(date));
  }

  protected blurred(): void {
    const text = this.last ?? '';
    if (text !== '' && !parseIsoDate(text)) this.setError(INVALID_DATE_MESSAGE);
    this.onTouched();
  }

  /** Without a form control of its own, MatInput is told when its error state changes (red outline, aria-invalid, the message). */
  private setError(message: string | null): void {
    this.error.set(message);
    if (this.viewReady) this.matInput().updateErrorState();
  }

  private emit(value: string): void {
    if (value === this.last) return;
    this.last = value;
    this.onChange(value);
  }

  private show(text: string): void {
    this.pending = null;
    const date = parseIsoDate(text);
    this.setError(text !== '' && !date ? INVALID_DATE_MESSAGE : null);
    const input = this.dateInput();
    input.value = date;
    // Text that is not a date stays as it was typed, so it can be corrected.
    if (!date) this.field().nativeElement.value = text;
  }
}
