// Markup that must always render as text (decidim's habit: factories put it in every free-text
// field they generate, so every test that renders one also checks escaping). The browser harness
// fails a test when one of these runs or shows up as an element (browser-harness.ts).

/** For fields with room: an image whose error handler would raise an alert. */
export const XSS = '<img src=x onerror=alert(1)>';

/** For short fields (at most 30 characters with a prefix): an SVG whose load handler would. */
export const XSS_SHORT = '<svg onload=alert(1)>';
