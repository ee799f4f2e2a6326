// The e-mail of C.4.3 step 8.1: a link of the person's own to answer the survey.
import type { MailMessage } from '../../lib/mail/mailer.js';

export interface Pregunta {
  texto: string;
  tipo: 'ESCALA' | 'SI_NO' | 'ABIERTA';
}

const appUrl = () => (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 4000}`).replace(/\/+$/, '');

export const encuestaLink = (token: string) => `${appUrl()}/encuestas/responder?token=${encodeURIComponent(token)}`;

export function encuestaMail(o: {
  to: string;
  nombre: string;
  token: string;
  venceAt: Date;
  encuesta: string;
  preguntas: Pregunta[];
}): MailMessage {
  return {
    to: o.to,
    subject: `Encuesta del CONOCER: ${o.encuesta}`,
    text:
      `Hola, ${o.nombre}:\n\nEl Centro de Contacto del CONOCER le invita a responder una encuesta breve (${o.preguntas.length} pregunta(s)).\n` +
      `Abra este enlace; sirve una sola vez y vence el ${o.venceAt.toISOString().slice(0, 10)}. No necesita cuenta:\n\n${encuestaLink(o.token)}\n\n` +
      'Gracias.\n\n--\nConsejo Nacional de Normalización y Certificación de Competencias Laborales (CONOCER).',
  };
}
