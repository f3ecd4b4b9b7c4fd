import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The request path below the provider's mount path (`/idp/auth?x` under `/idp` is `/auth?x`), or
 * null when the request is not for the provider. Mirrors what Express does for `app.use('/idp', …)`.
 */
export const stripMountPath = (url: string, mountPath: string): string | null => {
  if (mountPath === '') return url;
  if (!url.startsWith(mountPath)) return null;
  const rest = url.slice(mountPath.length);
  if (rest === '' || rest.startsWith('?')) return `/${rest}`;
  return rest.startsWith('/') ? rest : null;
};

/** The provider's own pages below the mount path: the login page, its form target and the cancel link. */
export type InteractionRoute = { uid: string; action: 'show' | 'login' | 'abort' };

const interactionPath = /^\/interaction\/([A-Za-z0-9_-]{1,64})(?:\/(login|abort))?\/?$/;

/** Which interaction page a method and path (without the mount path and query) ask for, if any. */
export const matchInteractionRoute = (method: string, path: string): InteractionRoute | null => {
  const match = interactionPath.exec(path);
  if (!match?.[1]) return null;
  const action = match[2] ?? 'show';
  const expected = action === 'login' ? 'POST' : 'GET';
  if (method !== expected && !(expected === 'GET' && method === 'HEAD')) return null;
  return { uid: match[1], action: action === 'login' ? 'login' : action === 'abort' ? 'abort' : 'show' };
};

const FORM_LIMIT = 8 * 1024;

/** Reads a small urlencoded form body; rejects other content types and anything over 8 KB. */
export const readForm = async (req: IncomingMessage): Promise<URLSearchParams> => {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new RangeError('expected an urlencoded form');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT) throw new RangeError('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
};

/** Sends one of the provider's own HTML pages with its content security policy; never cached. */
export const sendHtml = (res: ServerResponse, status: number, html: string, contentSecurityPolicy: string): void => {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-security-policy', contentSecurityPolicy);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.end(html);
};
