import { DIRECTION_MET_LABELS, directionMetText } from './goals';

const indicator = (target: string | number | null, value: number | null, previous: number | null, earlier: Array<{ label: string; value: number | null }> = []) => ({
  target,
  value,
  previous,
  earlier,
});

describe('a direction target’s måluppfyllelse in words', () => {
  it('says Uppfyllt when the value followed the direction against föregående år', () => {
    expect(directionMetText(indicator('Öka', 86, 84))).toBe('Uppfyllt');
    expect(directionMetText(indicator('Minska', 12, 15))).toBe('Uppfyllt');
    expect(directionMetText(indicator('Bibehålla', 3.8, 3.8))).toBe('Uppfyllt');
  });

  it('says Ej uppfyllt when it did not', () => {
    expect(directionMetText(indicator('Öka', 84, 84))).toBe('Ej uppfyllt');
    expect(directionMetText(indicator('Minska', 16, 15))).toBe('Ej uppfyllt');
    expect(directionMetText(indicator('Bibehålla', 4, 3.8))).toBe('Ej uppfyllt');
  });

  it('compares with the last earlier year when föregående år is missing, and reads the direction in any case', () => {
    expect(directionMetText(indicator('öka', 80, null, [{ label: '2019', value: 82 }, { label: '2020', value: 79 }, { label: '2021', value: null }]))).toBe('Uppfyllt');
    expect(directionMetText(indicator(' MINSKA ', 80, null, [{ label: '2020', value: 79 }]))).toBe('Ej uppfyllt');
  });

  it('says nothing without an earlier value, without this year’s value, or for a figure or another text', () => {
    expect(directionMetText(indicator('Öka', 86, null))).toBeNull();
    expect(directionMetText(indicator('Öka', 86, null, [{ label: '2020', value: null }]))).toBeNull();
    expect(directionMetText(indicator('Öka', null, 84))).toBeNull();
    expect(directionMetText(indicator(90, 86, 84))).toBeNull();
    expect(directionMetText(indicator('Minst som riket', 86, 84))).toBeNull();
    expect(directionMetText(indicator(null, 86, 84))).toBeNull();
  });

  it('uses words of their own, not the assessment’s', () => {
    expect(DIRECTION_MET_LABELS).toEqual({ met: 'Uppfyllt', notMet: 'Ej uppfyllt' });
  });
});
