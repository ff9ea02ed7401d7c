import { SvDatePipe, SvNumberPipe } from './sv-format.pipes';

describe('Swedish format pipes', () => {
  it('formats figures as the reports print them', () => {
    const pipe = new SvNumberPipe();
    expect(pipe.transform(-9504)).toBe('\u22129\u00a0504');
    expect(pipe.transform(3.8, 1)).toBe('3,8');
    expect(pipe.transform(17, 0, true)).toBe('+17');
    expect(pipe.transform(null)).toBe('–');
  });

  it('formats dates as ISO dates in Stockholm time', () => {
    const pipe = new SvDatePipe();
    expect(pipe.transform('2021-09-24T10:00:00Z')).toBe('2021-09-24');
    expect(pipe.transform('2021-09-24T06:00:00Z', true)).toBe('2021-09-24 08:00');
    expect(pipe.transform(undefined)).toBe('–');
  });
});
