// Rich text: the document model (model.ts), the sanitizer every save passes (sanitize.ts), plain text (text.ts).
export type { Block, HeadingBlock, InlineMark, ListBlock, ParagraphBlock, RichTextDocument, TableBlock, TableRow, TextRun } from './model';
export { emptyDocument } from './model';
export type { SanitizeRichTextResult } from './sanitize';
export { RICH_TEXT_LIMITS, sanitizeRichText } from './sanitize';
export { paragraphTexts, plainText } from './text';
