export * from './config';
export * from './body-scan';
export * from './rules';
export * from './evaluate';
