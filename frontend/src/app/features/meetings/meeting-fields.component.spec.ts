import { ChangeDetectionStrategy, Component, signal, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormsModule, NgForm } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MeetingFieldsComponent } from './meeting-fields.component';
import { type MeetingFactsForm, meetingFactsForm } from './meeting-forms';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MeetingFieldsComponent],
  template: `
    <form novalidate><rf-meeting-fields idPrefix="one" [(value)]="first" /></form>
    <form novalidate><rf-meeting-fields idPrefix="two" [(value)]="second" /></form>
  `,
})
class HostComponent {
  readonly first = signal<MeetingFactsForm>({ ...meetingFactsForm(), place: 'Sal A', startTime: '13:00' });
  readonly second = signal<MeetingFactsForm>(meetingFactsForm());
  readonly form = viewChild.required(NgForm);
}

describe('MeetingFieldsComponent', () => {
  async function host() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(HostComponent);
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    const root = fixture.nativeElement as HTMLElement;
    const field = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;
    const label = (id: string) => root.querySelector(`label[for="${id}"]`)?.textContent?.replace(/\*/g, '').trim();
    return { fixture, root, field, label, settle };
  }

  it('labels each field as before, with ids of its own in every use', async () => {
    const { root, field, label } = await host();
    for (const prefix of ['one', 'two']) {
      expect(label(`${prefix}-date`)).toBe('Datum');
      expect(label(`${prefix}-start-time`)).toBe('Starttid');
      expect(label(`${prefix}-place`)).toBe('Plats');
      expect(label(`${prefix}-chair`)).toBe('Ordförande');
      expect(label(`${prefix}-secretary`)).toBe('Sekreterare');
    }
    expect(field('one-start-time').placeholder).toBe('TT:MM');
    expect(field('one-date').required).toBe(true);
    expect(field('one-place').required).toBe(true);
    expect(field('one-chair').required).toBe(false);
    const ids = Array.from(root.querySelectorAll('[id]')).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows the values it is given and hands back what is typed', async () => {
    const { fixture, field, settle } = await host();
    expect(field('one-place').value).toBe('Sal A');
    expect(field('one-start-time').value).toBe('13:00');

    const place = field('two-place');
    place.value = 'Kommunhuset';
    place.dispatchEvent(new Event('input'));
    const date = field('two-date');
    date.value = '2026-09-24';
    date.dispatchEvent(new Event('input'));
    await settle();
    expect(fixture.componentInstance.second()).toEqual({
      ...meetingFactsForm(),
      place: 'Kommunhuset',
      date: '2026-09-24',
    });
    expect(fixture.componentInstance.first().place).toBe('Sal A');

    fixture.componentInstance.first.set(
      meetingFactsForm({
        date: '2026-10-01',
        startTime: '09:00',
        place: 'Sal B',
        chairName: 'Anna',
        secretaryName: null,
      }),
    );
    await settle();
    expect(field('one-place').value).toBe('Sal B');
    expect(field('one-chair').value).toBe('Anna');
    expect(field('one-date').value).toBe('2026-10-01');
  });

  it('puts its controls in the form around it', async () => {
    const { fixture } = await host();
    expect(Object.keys(fixture.componentInstance.form().controls).sort()).toEqual([
      'chairName',
      'date',
      'place',
      'secretaryName',
      'startTime',
    ]);
  });
});
