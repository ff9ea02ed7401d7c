export * from './assemble';
export * from './canonical';
export { economyLayoutSample } from './economy-sample';
export { renderBlocksFragment, SECTION_SAMPLE_CYCLE, sectionSampleBlocks, sectionSampleContent, sectionSampleHtml } from './section-sample';
