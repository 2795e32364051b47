// What the request log may not keep: the secrets some URLs carry. A resident's order-tracking link
// (/h5/track/<token>, /api/public/orders/<token>/…) is the only key to their order, and a check-in
// QR code (?t=…) lets anyone check in; both are cut from every logged URL.
const SECRET_SEGMENTS = [/^(\/api\/public\/orders\/)[^/?#]+/, /^(\/h5\/track\/)[^/?#]+/];
const SECRET_PARAMS = new Set(['t', 'token', 'code', 'ticket', 'password', 'secret']);
const REDACTED = '[已隐去]';

/** The URL with tracking tokens and secret query parameters replaced. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  let path = queryAt === -1 ? url : url.slice(0, queryAt);
  for (const pattern of SECRET_SEGMENTS) path = path.replace(pattern, `$1${REDACTED}`);
  if (queryAt === -1) return path;
  const params = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeURIComponentSafe(eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
      return SECRET_PARAMS.has(name) && eq !== -1 ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    });
  return `${path}?${params.join('&')}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Fastify's request serializer for the logger, with the URL redacted. */
export function serializeRequest(request: {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
