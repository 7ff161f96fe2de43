export * from './buffer';
export * from './command';
export * from './connection';
export * from './deadline';
export * from './errors';
export * from './frame';
export * from './pool';
export * from './sign';
