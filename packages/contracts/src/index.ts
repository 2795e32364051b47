export * from './enums.ts';
export * from './phone.ts';
export * from './password.ts';
export * from './volunteers.ts';
export * from './id-number.ts';
export * from './credit-code.ts';
export * from './orders.ts';
export * from './matching.ts';
