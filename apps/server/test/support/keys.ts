// A fixed field-encryption key for the test databases (never used outside tests).
export const TEST_KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';

/** The password of every demo account in the seeded template (global-setup.ts). */
export const DEMO_PASSWORD = 'Demo#2026pass';
