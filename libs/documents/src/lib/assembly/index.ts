export * from './assemble';
export * from './canonical';
