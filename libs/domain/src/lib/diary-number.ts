/**
 * The example of a diarienummer a form shows: in the nämnd's own format. Municipalities number
 * differently (`SN.2021.73`, `SN 2019/1703`, `KS-2024-12`), so the example is the nämnd's latest
 * diarienummer with this year in it, else one from the nämnd's prefix, else a neutral one —
 * never another municipality's.
 */
export function diaryNumberExample(year: number, prefix: string | null | undefined, earlier: readonly string[]): string {
  const latest = earlier.find((number) => number.trim() !== '')?.trim();
  if (latest) return latest.replace(/(^|\D)(19|20)\d{2}(?=\D|$)/, (_match, before: string) => `${before}${year}`);
  const own = prefix?.trim();
  return own ? `${own} ${year}/1` : `${year}/1`;
}
