// The campaign's e-mails (C.4.2 10-11): test sends to the Responsable(s) de
// Canales, and the real sends with an unsubscribe link (public, single token
// per recipient, stored hashed).
import { createHash, randomBytes } from 'node:crypto';
import type { MailMessage } from '../../lib/mail/mailer.js';

/** Where unsubscribe links point: the people's application, which posts the token to unsubscribeCorreo. */
const appUrl = () => (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 4000}`).replace(/\/+$/, '');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(24).toString('base64url');

/** The link of an e-mail that unsubscribes its recipient. */
export const bajaLink = (token: string) => `${appUrl()}/campanas/baja?token=${encodeURIComponent(token)}`;

/** A campaign e-mail to one recipient, with its unsubscribe link (also as List-Unsubscribe). */
export function campanaMail(o: { to: string; asunto: string; mensaje: string; token: string | null }): MailMessage {
  const link = o.token ? bajaLink(o.token) : null;
  return {
    to: o.to,
    subject: o.asunto,
    text:
      o.mensaje +
      '\n\n--\nConsejo Nacional de Normalización y Certificación de Competencias Laborales (CONOCER).' +
      (link
        ? `\nSi no desea recibir más correos de campañas del CONOCER, abra este enlace: ${link}`
        : '\n[Envío de prueba: el enlace para darse de baja aparece aquí en el envío real.]'),
    headers: link ? { 'List-Unsubscribe': `<${link}>` } : undefined,
  };
}
