// The platform's e-mails, in Spanish (their readers are CONALEP and CONOCER
// staff and outside users). Each returns subject and text; links point at the
// people's application (APP_URL), which posts the token to the API.
import type { MailMessage } from './mailer.js';

const hours = (seconds: number) => Math.round(seconds / 3600);
const footer = '\n\n--\nEste mensaje se envió automáticamente; no lo respondas. Si no esperabas este correo, ignóralo.';

export function invitationMail(o: { to: string; fullName: string; invitedBy: string; link: string; ttlSeconds: number }): MailMessage {
  return {
    to: o.to,
    subject: 'Invitación a la plataforma CONALEP / CONOCER',
    text:
      `Hola, ${o.fullName}:\n\n${o.invitedBy} te invitó a la plataforma de procedimientos CONALEP / CONOCER.\n` +
      `Para activar tu cuenta y elegir tu contraseña, abre este enlace (vale ${hours(o.ttlSeconds)} horas y una sola vez):\n\n${o.link}` +
      footer,
  };
}

export function passwordResetMail(o: { to: string; fullName: string; link: string; ttlSeconds: number }): MailMessage {
  return {
    to: o.to,
    subject: 'Restablecer tu contraseña',
    text:
      `Hola, ${o.fullName}:\n\nRecibimos una solicitud para restablecer tu contraseña. Abre este enlace para elegir una nueva ` +
      `(vale ${Math.max(1, hours(o.ttlSeconds))} hora(s) y una sola vez):\n\n${o.link}\n\nSi no la pediste, tu contraseña no cambia.` +
      footer,
  };
}

export function verificationMail(o: { to: string; fullName: string; link: string; ttlSeconds: number }): MailMessage {
  return {
    to: o.to,
    subject: 'Confirma tu correo electrónico',
    text:
      `Hola, ${o.fullName}:\n\nConfirma que esta es tu dirección de correo abriendo este enlace (vale ${hours(o.ttlSeconds)} horas):\n\n${o.link}` +
      footer,
  };
}

export function passwordChangedMail(o: { to: string; fullName: string }): MailMessage {
  return {
    to: o.to,
    subject: 'Tu contraseña cambió',
    text:
      `Hola, ${o.fullName}:\n\nLa contraseña de tu cuenta acaba de cambiar y se cerraron tus otras sesiones. ` +
      'Si no fuiste tú, pide un restablecimiento de contraseña y avisa a tu administrador.' +
      footer,
  };
}
