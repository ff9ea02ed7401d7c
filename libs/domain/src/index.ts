export * from './lib/format';
export * from './lib/organisation';
