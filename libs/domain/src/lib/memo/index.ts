// The memo (tjänsteskrivelse): content and its check, economic consequences, the figures check, merging.
export type { MemoCheck, MemoContent, MemoSignature, MemoTextPart } from './content';
export { checkMemoContent, emptyMemoContent, MEMO_LIMITS, MEMO_PART_LABELS, MEMO_TEXT_PARTS, memoAttachmentList } from './content';
export type { DraftOptions, EconomicFigure, EconomicFigures } from './economy';
export { draftEconomicConsequences, economicFigures, formatAmount, hasEconomicFigures, resultColumns } from './economy';
export type { FigureCheckOptions, MemoFigureWarning } from './figure-check';
export { memoFigureWarnings } from './figure-check';
export type { MemoChoice, MemoMerge, MemoPart, MemoPartDifference } from './merge';
export { MEMO_PART_NAMES, MEMO_PARTS, memoPartText, mergeMemoContent, sameMemoPart } from './merge';
