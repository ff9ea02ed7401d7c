import { SECRECY_REFERENCE_HINT } from '@rapportflode/domain';
import {
  agendaItemForm,
  checkAgendaItem,
  checkMeetingFacts,
  checkParticipants,
  checkSettings,
  isIsoDate,
  normaliseTime,
  PUBLIC_TITLE_REQUIRED,
} from './meeting-forms';

describe('checkMeetingFacts', () => {
  it('takes a date, a start time as TT:MM and a place', () => {
    expect(
      checkMeetingFacts({
        date: '2026-09-24',
        startTime: '9.30',
        place: ' Sal A ',
        chairName: '',
        secretaryName: 'Eva',
      }),
    ).toEqual({
      ok: true,
      value: { date: '2026-09-24', startTime: '09:30', place: 'Sal A', chairName: null, secretaryName: 'Eva' },
    });
  });

  it('says what is missing, in Swedish', () => {
    expect(
      checkMeetingFacts({ date: '2026-02-30', startTime: '25:00', place: '', chairName: '', secretaryName: '' }),
    ).toEqual({
      ok: false,
      errors: [
        'Ange sammanträdets datum som ÅÅÅÅ-MM-DD.',
        'Ange starttiden som TT:MM, till exempel 13:00.',
        'Ange var sammanträdet hålls.',
      ],
    });
  });

  it('carries the participants, dropping empty rows', () => {
    const checked = checkMeetingFacts(
      { date: '2026-09-24', startTime: '13:00', place: 'A', chairName: '', secretaryName: '' },
      [
        { name: 'Anna Berg', email: 'anna@example.se', role: 'member', party: 'S' },
        { name: '', email: '', role: 'substitute', party: '' },
      ],
    );
    expect(checked.ok && checked.value.participants).toEqual([
      { name: 'Anna Berg', email: 'anna@example.se', role: 'member', party: 'S' },
    ]);
  });
});

describe('checkParticipants', () => {
  it('needs a name and a plausible e-mail, naming the row as the form shows it', () => {
    expect(
      checkParticipants([
        { name: 'Anna', email: '', role: 'member', party: '' },
        { name: 'Bo', email: 'bo@example.se', role: 'substitute', party: '' },
        { name: '', email: 'x', role: 'substitute', party: '' },
      ]),
    ).toEqual({
      ok: false,
      errors: ['Ersättare 2: ange namnet.', 'Ersättare 2: e-postadressen ser inte ut som en e-postadress.'],
    });
  });
});

describe('dates and times', () => {
  it('reads dates that exist and times as people type them', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(normaliseTime('0900')).toBe('09:00');
    expect(normaliseTime('9:05')).toBe('09:05');
    expect(normaliseTime('kl 9')).toBe('kl 9');
  });
});

describe('checkAgendaItem', () => {
  it('needs a title; keeps the proposal lines that are written', () => {
    expect(checkAgendaItem({ ...agendaItemForm(), title: '' })).toEqual({
      ok: false,
      errors: ['Ange ärendets rubrik.'],
    });
    const checked = checkAgendaItem({
      ...agendaItemForm(),
      title: ' Delårsrapport ',
      proposal: ['Nämnden godkänner rapporten.', ' '],
    });
    expect(checked).toEqual({
      ok: true,
      value: {
        kind: 'decision',
        title: 'Delårsrapport',
        publicTitle: null,
        diaryNumber: null,
        presenter: null,
        proposal: ['Nämnden godkänner rapporten.'],
        secret: false,
        secrecyReference: null,
      },
    });
  });

  it('needs a public title and an OSL reference that names chapter and paragraph for a secret ärende', () => {
    const secret = {
      ...agendaItemForm(),
      title: 'Ansökan om bistånd för N.N.',
      secret: true,
      secrecyReference: '26 kap',
      publicTitle: '',
    };
    expect(checkAgendaItem(secret)).toEqual({ ok: false, errors: [SECRECY_REFERENCE_HINT, PUBLIC_TITLE_REQUIRED] });
    const fixed = checkAgendaItem({
      ...secret,
      secrecyReference: ' 26 kap.  1 § OSL',
      publicTitle: 'Ansökan om bistånd',
    });
    expect(fixed.ok && [fixed.value.secrecyReference, fixed.value.publicTitle]).toEqual([
      '26 kap. 1 § OSL',
      'Ansökan om bistånd',
    ]);
  });

  it('drops the reference of an ärende without secrecy', () => {
    const checked = checkAgendaItem({ ...agendaItemForm(), title: 'A', secret: false, secrecyReference: 'x' });
    expect(checked.ok && checked.value.secrecyReference).toBeNull();
  });
});

describe('checkSettings', () => {
  it('reads the mail domains one a line', () => {
    expect(
      checkSettings({
        kallelseWorkingDays: '7',
        absenceContact: ' Eva, 0158-123 ',
        publicMailDomains: 'gnesta.se\n\n@Socialforvaltningen.gnesta.se\ngnesta.se',
      }),
    ).toEqual({
      ok: true,
      value: {
        kallelseWorkingDays: 7,
        absenceContact: 'Eva, 0158-123',
        publicMailDomains: ['gnesta.se', 'socialforvaltningen.gnesta.se'],
      },
    });
  });

  it('refuses days out of bounds and lines that are no domain', () => {
    const checked = checkSettings({ kallelseWorkingDays: '0', absenceContact: '', publicMailDomains: 'gnesta' });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors).toEqual([
      'Ange antalet arbetsdagar som ett heltal mellan 1 och 30.',
      'Det här ser inte ut som e-postdomäner: gnesta. Skriv en domän per rad, till exempel gnesta.se.',
    ]);
  });
});
