export * from './lib/admin';
export * from './lib/auth';
export * from './lib/common';
export * from './lib/organisation';
export * from './lib/templates';
export * from './lib/cycles';
export * from './lib/economy-import';
export * from './lib/operations';
