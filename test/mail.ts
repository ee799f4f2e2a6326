// A real SMTP server in the test process (smtp-server), for the API's outgoing
// mail: point SMTP_URL at `url`, then read what arrived, parsed by mailparser.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestMailServer {
  url: string;
  messages: ParsedMail[];
  /** The first message (already received or arriving within `timeoutMs`) for which `match` is true. */
  waitFor(match: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  stop(): Promise<void>;
}

export async function startMailServer(): Promise<TestMailServer> {
  const messages: ParsedMail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    // Plain SMTP on localhost: no TLS certificate to trust, no account.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          for (const wake of waiting) wake();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(match, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no matching message within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        if (!check()) waiting.add(check);
      });
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The token in the first `…?token=` link of a message's text. */
export function tokenIn(mail: ParsedMail): string {
  const match = /[?&]token=([A-Za-z0-9_%-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no token link in: ${mail.text}`);
  return decodeURIComponent(match[1]);
}

export const recipientOf = (mail: ParsedMail) => {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address?.toLowerCase();
};
