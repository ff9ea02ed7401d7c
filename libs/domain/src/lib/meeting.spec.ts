import { kallelseDeadline, meetingTimeInWords, normaliseSecrecyReference, numberAgenda, previewParagraphNumbers } from './meeting';
import { parseRole } from './roles';

describe('the föredragningslista', () => {
  it('puts decisions first, then information, then anmälningar, numbering 1…n in the secretary’s order within each', () => {
    const numbered = numberAgenda([
      { id: 'delegation', kind: 'delegation', position: 0 },
      { id: 'info', kind: 'information', position: 1 },
      { id: 'second decision', kind: 'decision', position: 5 },
      { id: 'first decision', kind: 'decision', position: 2 },
      { id: 'notification', kind: 'notification', position: 3 },
    ] as const);
    expect(numbered.map((i) => `${i.number} ${i.id} (${i.section})`)).toEqual([
      '1 first decision (decisions)',
      '2 second decision (decisions)',
      '3 info (information)',
      '4 delegation (notifications)',
      '5 notification (notifications)',
    ]);
  });

  it('keeps the given order for equal positions, and numbers § on from the year’s last one', () => {
    expect(numberAgenda([{ id: 'a', kind: 'decision', position: 0 }, { id: 'b', kind: 'decision', position: 0 }]).map((i) => i.id)).toEqual(['a', 'b']);
    expect(previewParagraphNumbers(3, 41)).toEqual([42, 43, 44]);
    expect(previewParagraphNumbers(0, 41)).toEqual([]);
  });
});

describe('secrecy references', () => {
  it.each([
    ['26 kap. 1 § OSL', '26 kap. 1 § OSL'],
    ['  21 kap.  7 §   OSL ', '21 kap. 7 § OSL'],
    ['39 kap. 3 a § OSL', '39 kap. 3 a § OSL'],
    ['26 kap. 1 § första stycket OSL', '26 kap. 1 § första stycket OSL'],
    ['25 kap. 1 § offentlighets- och sekretesslagen (2009:400)', '25 kap. 1 § offentlighets- och sekretesslagen (2009:400)'],
  ])('accepts %p', (input, output) => {
    expect(normaliseSecrecyReference(input)).toBe(output);
  });

  it.each(['', 'hemligt', '26 kap OSL', '§ 1', 'OSL', '26 kap. 1 §'])('refuses %p', (input) => {
    expect(normaliseSecrecyReference(input)).toBeNull();
  });
});

describe('the kallelse’s last day', () => {
  it('counts working days back from the meeting on the Swedish calendar', () => {
    // Tuesday 16 March 2027, seven working days before: Friday 5 March.
    expect(kallelseDeadline('2027-03-16', 7)).toBe('2027-03-05');
    // Across Easter 2027 (Långfredagen 26 March, Annandag påsk 29 March): from Thursday 1 April,
    // three working days back are 31 March, 30 March and Skärtorsdagen 25 March.
    expect(kallelseDeadline('2027-04-01', 3)).toBe('2027-03-25');
  });

  it('writes the meeting’s time as a kallelse does', () => {
    expect(meetingTimeInWords('2026-12-15', '13:00')).toBe('tisdag 15 december 2026 kl. 13.00');
    expect(meetingTimeInWords('2027-03-16', '09:30')).toBe('tisdag 16 mars 2027 kl. 09.30');
  });
});

describe('the member role', () => {
  it('is read from the words a CSV uses', () => {
    expect(parseRole('Ledamot')).toBe('member');
    expect(parseRole('ersättare')).toBe('member');
  });
});
