export * from './lib/format';
export * from './lib/organisation';
export * from './lib/roles';
export * from './lib/permissions';
export * from './lib/csv';
export * from './lib/organisation-import';
export * from './lib/workflow';
