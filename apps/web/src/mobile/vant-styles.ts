// Vant's stylesheet without the one source the CSP refuses. Its icon @font-face lists the woff2 as a
// data: URL and then a fallback on at.alicdn.com; Chromium checks every source of the rule against
// font-src when it parses it (even if the font is never used, or another rule overrides it), so the
// plain `import 'vant/lib/index.css'` logged a CSP violation on every page. The fallback is dropped
// and the sheet goes first in <head>, where the import used to put it (before our styles.css).
// An inline <style> is allowed by the server's style-src 'unsafe-inline'.
import vantCss from 'vant/lib/index.css?inline';

/** A `url(...)` source that is not a data: URL, with its format() and the comma before it. */
const REMOTE_FONT_SOURCE = /,\s*url\(\s*(?!["']?data:)[^)]*\)\s*(?:format\([^)]*\))?/g;

/** Vant's CSS with only the data: sources left in its @font-face rules. */
export function localFontCss(css: string): string {
  return css.replace(/@font-face\s*\{[^}]*\}/g, (rule) => rule.replace(REMOTE_FONT_SOURCE, ''));
}

export function installVantStyles(doc: Document = document): void {
  const style = doc.createElement('style');
  style.dataset.vant = '';
  style.textContent = localFontCss(vantCss);
  doc.head.prepend(style);
}
