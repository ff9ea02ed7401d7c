import { diaryNumberExample } from './diary-number';

describe('diaryNumberExample', () => {
  it('follows the nämnd’s own latest diarienummer, with this year in it', () => {
    expect(diaryNumberExample(2026, 'SN', ['SN 2025/1703', 'SN 2024/1650'])).toBe('SN 2026/1703');
    expect(diaryNumberExample(2026, 'SN', ['SN.2025.73'])).toBe('SN.2026.73');
    expect(diaryNumberExample(2026, null, ['KS-2024-12'])).toBe('KS-2026-12');
  });

  it('is built from the nämnd’s prefix, or neutral, when the nämnd has no earlier cycle — never Nacka’s number', () => {
    expect(diaryNumberExample(2026, 'VON', [])).toBe('VON 2026/1');
    expect(diaryNumberExample(2026, null, [])).toBe('2026/1');
    expect(diaryNumberExample(2026, '  ', [' '])).toBe('2026/1');
    expect(diaryNumberExample(2026, 'SN', [])).not.toContain('SN.2021.73');
  });
});
