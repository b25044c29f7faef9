export * from './types';
export * from './ids';
export * from './text';
export * from './normalize';
export * from './labels';
export * from './assertNever';
