export * from './limits';
export * from './primitives';
export * from './fields';
export * from './file-record';
export * from './file-update';
export * from './file-filter';
export * from './api-error';
export * from './update-report';
