export * from './enums.ts';
export * from './phone.ts';
export * from './password.ts';
