import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormsModule } from '@angular/forms';
import { MAT_DATE_LOCALE } from '@angular/material/core';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { DateFieldComponent, INVALID_DATE_MESSAGE } from './date-field.component';
import { parseIsoDate, SvDateAdapter, toIsoDate } from './sv-date-adapter';

describe('the sv-SE date adapter', () => {
  let adapter: SvDateAdapter;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [SvDateAdapter, { provide: MAT_DATE_LOCALE, useValue: 'sv-SE' }] });
    adapter = TestBed.inject(SvDateAdapter);
  });

  it('reads ÅÅÅÅ-MM-DD only, and only dates that exist', () => {
    expect(toIsoDate(parseIsoDate('2026-09-10') as Date)).toBe('2026-09-10');
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('09/10/2026')).toBeNull();
    expect(parseIsoDate('10.9.2026')).toBeNull();
    expect(adapter.isValid(adapter.parse('09/10/2026') as Date)).toBe(false);
    expect(adapter.parse('')).toBeNull();
  });

  it('shows ÅÅÅÅ-MM-DD in the field, weeks from Monday and Swedish month names in the calendar', () => {
    const date = new Date(2026, 8, 10);
    expect(adapter.format(date, 'iso')).toBe('2026-09-10');
    expect(adapter.getFirstDayOfWeek()).toBe(1);
    expect(adapter.getMonthNames('long').slice(0, 3)).toEqual(['januari', 'februari', 'mars']);
    expect(adapter.format(date, { year: 'numeric', month: 'long', day: 'numeric' })).toBe('10 september 2026');
  });
});

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DateFieldComponent, FormsModule],
  template: `<rf-date-field label="Periodens slut" inputId="d" [ngModel]="value()" (ngModelChange)="value.set($event)" />`,
})
class HostComponent {
  readonly value = signal('2026-08-31');
}

describe('DateFieldComponent', () => {
  async function host() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    const input = root.querySelector<HTMLInputElement>('#d') as HTMLInputElement;
    const type = async (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, root, input, type };
  }

  it('shows the value as ÅÅÅÅ-MM-DD with that hint, and gives the typed date as ISO', async () => {
    const { fixture, root, input, type } = await host();
    expect(input.value).toBe('2026-08-31');
    expect(root.querySelector('mat-label')?.textContent?.trim()).toBe('Periodens slut');
    expect(root.querySelector('mat-hint')?.textContent?.trim()).toBe('ÅÅÅÅ-MM-DD');
    expect(input.getAttribute('aria-describedby')).toContain('d-hint');
    await type('2026-09-10');
    expect(fixture.componentInstance.value()).toBe('2026-09-10');
    expect(input.value).toBe('2026-09-10');
    expect(root.querySelector('.date-error')).toBeNull();
  });

  it('says in Swedish that a date which does not exist is wrong, keeps the text and hands it on as typed', async () => {
    const { fixture, root, input, type } = await host();
    await type('2026-02-30');
    expect(input.value).toBe('2026-02-30');
    expect(fixture.componentInstance.value()).toBe('2026-02-30');
    expect(root.querySelector('.date-error')?.textContent?.trim()).toBe(INVALID_DATE_MESSAGE);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('d-error');
    await type('2026-03-01');
    expect(root.querySelector('.date-error')).toBeNull();
    expect(fixture.componentInstance.value()).toBe('2026-03-01');
  });

  it('names a half-typed date when the field is left, and shows a new value from the form', async () => {
    const { fixture, root, input, type } = await host();
    await type('2026-9-1');
    expect(root.querySelector('.date-error')).toBeNull();
    input.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('.date-error')?.textContent).toContain('ÅÅÅÅ-MM-DD');
    fixture.componentInstance.value.set('2027-01-15');
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(input.value).toBe('2027-01-15');
    expect(root.querySelector('.date-error')).toBeNull();
  });
});
