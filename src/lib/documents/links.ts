// Short-lived download links: `/documents/<id>?exp=<unix seconds>&sig=<HMAC>`.
// A link is minted only for a viewer who can read the document's record (the
// `Documento.url` field resolves through the record's read scope), names one
// document, and expires after DOCUMENT_LINK_TTL_SECONDS; it needs no token, so
// a browser can open it directly.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LinkSigner {
  /** The link (a path on the API's origin) to document `id`, valid for the configured time. */
  link(id: string): string;
  /** Whether `exp` and `sig` are a valid, unexpired signature for `id`. */
  verify(id: string, exp: string | null, sig: string | null): boolean;
}

export function createLinkSigner(secret: string, ttlSeconds: number): LinkSigner {
  // A key of its own, derived from the token secret: a link signature is never a token signature.
  const key = createHmac('sha256', secret).update('conalep-api/document-links/v1').digest();
  const sign = (id: string, exp: number) => createHmac('sha256', key).update(`${id}.${exp}`).digest('base64url');
  return {
    link(id) {
      const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
      return `/documents/${id}?exp=${exp}&sig=${sign(id, exp)}`;
    },
    verify(id, exp, sig) {
      if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
      const when = Number(exp);
      if (when < Date.now() / 1000) return false;
      const expected = Buffer.from(sign(id, when));
      const given = Buffer.from(sig);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
