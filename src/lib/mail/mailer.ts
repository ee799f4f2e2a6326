// Outgoing mail through nodemailer (docs/decisions/011-mail-and-documents.md).
// SMTP_URL names the server (`smtp://user:pass@host:587`, `smtps://…:465`);
// unset, every message is written to the outbox folder (DATA_DIR/outbox) as an
// .eml file the developer can open. Modules send through `ctx.mailer` after
// their transaction commits, with a template from ./templates.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailSettings } from '../../config.js';
import type { Logger } from '../logger.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. `In-Reply-To` for threading. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Sends one message; resolves with its Message-ID once the server (or the outbox) accepted it. */
  send(message: MailMessage): Promise<{ messageId: string }>;
  /** Where messages go, for logs and /health: `smtp://host:port` or the outbox folder. */
  readonly target: string;
  close(): void;
}

export function createMailer(settings: MailSettings, log: Logger): Mailer {
  if (settings.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(settings.smtpUrl, { from: settings.from });
    const url = new URL(settings.smtpUrl);
    const target = `${url.protocol}//${url.host}`;
    return {
      target,
      async send(message) {
        const info = (await transport.sendMail({ from: settings.from, ...message })) as { messageId: string };
        log.info('mail sent', { to: message.to, subject: message.subject, messageId: info.messageId, via: target });
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = path.resolve(settings.outboxDir);
  return {
    target: dir,
    async send(message) {
      const info = (await transport.sendMail({ from: settings.from, ...message })) as { messageId: string; message: Buffer };
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
      await writeFile(file, info.message, { mode: 0o600 });
      log.info('mail written to the outbox', { to: message.to, subject: message.subject, file });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
