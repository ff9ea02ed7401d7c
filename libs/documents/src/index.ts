// The document model and the renderers that need nothing outside this library (HTML, open data).
// DOCX: '@rapportflode/documents/docx'; PDF (server only, drives Chromium): '@rapportflode/documents/pdf'.
export * from './lib/html';
export * from './lib/model';
export * from './lib/open-data';
export * from './lib/assembly';
export * from './lib/memo-model';
export * from './lib/kallelse-model';
export * from './lib/public-feeds';
