// Accounts by e-mail (docs/accounts.md): session refresh and logout, password
// reset, setting the password from an invitation or a reset link, changing it,
// and e-mail verification. Like `login`, these belong to the platform, not to a
// procedure: they act on the caller's own account only. Links in e-mails carry
// single-use, expiring tokens (src/lib/auth/account-tokens.ts).
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { consumeAccountToken, issueAccountToken } from '../../lib/auth/account-tokens.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../lib/auth/passwords.js';
import { passwordIssues } from '../../lib/auth/password-policy.js';
import { openSession, refreshSession, revokeSession, revokeSessionsOf } from '../../lib/auth/sessions.js';
import { badInput, InputChecker, unauthenticated } from '../../lib/errors.js';
import type { MailMessage } from '../../lib/mail/mailer.js';
import { passwordChangedMail, passwordResetMail, verificationMail } from '../../lib/mail/templates.js';
import { AuthPayload } from './schema.js';

const TOKEN_REFUSED = 'El enlace no es válido, ya se usó o caducó: pide uno nuevo';

/** `<APP_URL>/cuenta/<action>?token=…`: the page of the people's application that posts the token back. */
export const accountLink = (ctx: Context, action: 'activar' | 'restablecer' | 'verificar', token: string) =>
  `${ctx.services.accounts.appUrl}/cuenta/${action}?token=${encodeURIComponent(token)}`;

/** Sends after the answer is decided; a failure is logged (the person can ask again). */
function sendLater(ctx: Context, message: MailMessage) {
  ctx.services.mailer
    .send(message)
    .catch((error: unknown) => ctx.log.error('mail not sent', { to: message.to, subject: message.subject, error: String(error) }));
}

const normalEmail = (email: string) => email.trim().toLowerCase();

builder.mutationFields((t) => ({
  refreshSession: t.field({
    type: AuthPayload,
    description:
      'Exchanges a refresh token for a new access token and refresh token; the one sent stops working. ' +
      'UNAUTHENTICATED when it is unknown, used, expired, or its session was ended (logout, deactivation, password change).',
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const session = await refreshSession(ctx.db, ctx.tokens, args.refreshToken.trim());
      if (!session) throw unauthenticated('The refresh token is invalid, used or expired: sign in again');
      return session;
    },
  }),
  logout: t.boolean({
    description: "Ends the caller's session: its access and refresh tokens stop working at once. False for API keys (revoke them instead).",
    resolve: async (_root, _args, ctx) => {
      if (!ctx.viewer!.sessionId) return false;
      await revokeSession(ctx.db, ctx.viewer!.sessionId, 'LOGOUT');
      ctx.log.info('logout', { personId: ctx.viewer!.personId, sessionId: ctx.viewer!.sessionId });
      return true;
    },
  }),
  requestPasswordReset: t.boolean({
    description:
      'E-mails a single-use password reset link to the address, if it belongs to an active account. Always answers true, ' +
      'whether or not it does, so that it does not tell which addresses have accounts. At most one e-mail a minute per account.',
    args: { email: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const email = normalEmail(args.email);
      new InputChecker().check(/^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 320, ['email'], 'Must be an e-mail address').throwIfAny();
      const person = await ctx.db.person.findUnique({
        where: { email },
        select: { id: true, fullName: true, active: true, cuentaServicio: true },
      });
      if (!person?.active || person.cuentaServicio) return true;
      const ttl = ctx.services.accounts.resetTtlSeconds;
      const token = await ctx.db.$transaction(async (tx) => {
        const recent = await tx.accountToken.count({
          where: { personId: person.id, purpose: 'RESTABLECIMIENTO', createdAt: { gt: new Date(Date.now() - 60_000) } },
        });
        return recent ? null : issueAccountToken(tx, person.id, 'RESTABLECIMIENTO', ttl);
      });
      if (token)
        sendLater(
          ctx,
          passwordResetMail({ to: email, fullName: person.fullName, link: accountLink(ctx, 'restablecer', token), ttlSeconds: ttl }),
        );
      return true;
    },
  }),
  setPassword: t.field({
    type: AuthPayload,
    description:
      'Sets the password with the token of an invitation or a password reset e-mail, and signs in. The token works once: ' +
      'an unknown, used or expired one gets BAD_USER_INPUT on `token`; a password against the policy gets BAD_USER_INPUT on ' +
      '`password` (and the token still works). Every other session of the person ends.',
    args: { token: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const hash = await hashPassword(args.password);
      const personId = await ctx.db.$transaction(async (tx) => {
        const used = await consumeAccountToken(tx, args.token.trim(), ['INVITACION', 'RESTABLECIMIENTO']);
        const person = used
          ? await tx.person.findUnique({ where: { id: used.personId }, select: { id: true, email: true, fullName: true, active: true } })
          : null;
        if (!person?.active) throw badInput([{ path: ['token'], message: TOKEN_REFUSED }]);
        const issues = passwordIssues(args.password, person, ctx.services.accounts.passwordMinLength, ['password']);
        // Throwing rolls the transaction back: the token is not spent on a refused password.
        if (issues.length) throw badInput(issues);
        const now = new Date();
        await tx.person.update({ where: { id: person.id }, data: { passwordHash: hash, passwordChangedAt: now, emailVerifiedAt: now } });
        await revokeSessionsOf(tx, person.id, 'PASSWORD_CHANGED');
        return person.id;
      });
      ctx.log.info('password set from e-mail link', { personId });
      return openSession(ctx.db, ctx.tokens, personId, {
        clientAddress: ctx.clientAddress,
        refreshTtlSeconds: ctx.services.accounts.refreshTtlSeconds,
      });
    },
  }),
  changePassword: t.boolean({
    description:
      "Changes the caller's password (the current one is required). Every other session of the person ends; this one goes on. " +
      'A wrong current password gets BAD_USER_INPUT on `currentPassword`.',
    args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const person = await ctx.db.person.findUniqueOrThrow({
        where: { id: viewer.personId },
        select: { id: true, email: true, fullName: true, passwordHash: true },
      });
      const ok = person.passwordHash
        ? await verifyPassword(args.currentPassword, person.passwordHash)
        : await verifyAgainstDummy(args.currentPassword);
      if (!ok) throw badInput([{ path: ['currentPassword'], message: 'The current password is not correct' }]);
      const issues = passwordIssues(args.newPassword, person, ctx.services.accounts.passwordMinLength, ['newPassword']);
      if (issues.length) throw badInput(issues);
      const hash = await hashPassword(args.newPassword);
      await ctx.db.$transaction(async (tx) => {
        await tx.person.update({ where: { id: person.id }, data: { passwordHash: hash, passwordChangedAt: new Date() } });
        await revokeSessionsOf(tx, person.id, 'PASSWORD_CHANGED', viewer.sessionId);
      });
      sendLater(ctx, passwordChangedMail({ to: person.email, fullName: person.fullName }));
      return true;
    },
  }),
  requestEmailVerification: t.boolean({
    description: "E-mails a link that confirms the caller's address (false when it is already verified).",
    resolve: async (_root, _args, ctx) => {
      const person = await ctx.db.person.findUniqueOrThrow({
        where: { id: ctx.viewer!.personId },
        select: { id: true, email: true, fullName: true, emailVerifiedAt: true, cuentaServicio: true },
      });
      if (person.emailVerifiedAt || person.cuentaServicio) return false;
      const ttl = ctx.services.accounts.verificationTtlSeconds;
      const token = await ctx.db.$transaction((tx) => issueAccountToken(tx, person.id, 'VERIFICACION', ttl));
      await ctx.services.mailer.send(
        verificationMail({ to: person.email, fullName: person.fullName, link: accountLink(ctx, 'verificar', token), ttlSeconds: ttl }),
      );
      return true;
    },
  }),
  verifyEmail: t.boolean({
    description:
      'Confirms an e-mail address with the token of a verification e-mail. An unknown, used or expired token gets BAD_USER_INPUT.',
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await ctx.db.$transaction(async (tx) => {
        const used = await consumeAccountToken(tx, args.token.trim(), ['VERIFICACION']);
        if (!used) throw badInput([{ path: ['token'], message: TOKEN_REFUSED }]);
        await tx.person.update({ where: { id: used.personId }, data: { emailVerifiedAt: new Date() } });
      });
      return true;
    },
  }),
}));
