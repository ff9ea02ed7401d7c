export * from './assemble';
export * from './canonical';
export { economyLayoutSample } from './economy-sample';
