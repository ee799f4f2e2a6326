// Sign-in for local accounts and the viewer's own profile.
import { builder } from '../../builder.js';
import { verifyAgainstDummy, verifyPassword } from '../../lib/auth/passwords.js';
import { tooManyAttempts } from '../../lib/auth/login-throttle.js';
import { openSession, type SignedIn } from '../../lib/auth/sessions.js';
import { InputChecker, unauthenticated } from '../../lib/errors.js';
import type { LoginOutcome } from '../../generated/prisma/client.js';
import { PersonRef } from '../organisation/types.js';

export const AuthPayload = builder.objectRef<SignedIn>('AuthPayload').implement({
  description:
    'A session: send `token` as `Authorization: Bearer <token>` until `expiresAt`, then exchange `refreshToken` for a new pair ' +
    '(`refreshSession`). `logout` ends the session at once (docs/accounts.md).',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The access token (short-lived).' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    refreshToken: t.exposeString('refreshToken', {
      description: 'Single use: each refresh gives a new one and the old one stops working.',
    }),
    refreshExpiresAt: t.expose('refreshExpiresAt', { type: 'DateTime', description: 'When the session ends unless you sign in again.' }),
    person: t.prismaField({
      type: 'Person',
      resolve: (query, payload, _args, ctx) => ctx.db.person.findUniqueOrThrow({ ...query, where: { id: payload.personId } }),
    }),
  }),
});

builder.mutationField('login', (t) =>
  t.field({
    type: AuthPayload,
    description:
      'Signs in a local account. Wrong credentials and inactive accounts get UNAUTHENTICATED; too many failed attempts ' +
      'for the account or from the client address get TOO_MANY_REQUESTS (HTTP 429) with `extensions.retryAfterSeconds`.',
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      ctx.loginThrottle.run(async () => {
        const email = args.email.trim().toLowerCase();
        const { password } = args;
        new InputChecker()
          .check(/^\S+@\S+$/.test(email), ['email'], 'Must be an e-mail address')
          .check(password.length > 0, ['password'], 'Must not be empty')
          .throwIfAny();
        // Every attempt, whatever the account, does the same work (a lookup, the
        // throttle, one scrypt, one audit row), so the time of the answer does not
        // tell whether the e-mail has an account.
        const person = await ctx.db.person.findUnique({ where: { email } });
        const audit = (outcome: LoginOutcome) =>
          ctx.db.loginAttempt.create({ data: { email, personId: person?.id ?? null, clientAddress: ctx.clientAddress, outcome } });

        const verdict = await ctx.loginThrottle.reserve(email, ctx.clientAddress);
        if (!verdict.allowed) {
          await audit('THROTTLED');
          ctx.log.warn('login throttled', { by: verdict.by, personId: person?.id, retryAfterSeconds: verdict.retryAfterSeconds });
          throw tooManyAttempts(verdict.retryAfterSeconds);
        }
        const ok = person?.passwordHash ? await verifyPassword(password, person.passwordHash) : await verifyAgainstDummy(password);
        const outcome: LoginOutcome = !person
          ? 'UNKNOWN_ACCOUNT'
          : !person.active || !person.passwordHash
            ? 'INACTIVE'
            : ok
              ? 'SUCCESS'
              : 'WRONG_PASSWORD';
        await audit(outcome);
        if (outcome !== 'SUCCESS') throw unauthenticated('Invalid e-mail or password');
        await ctx.loginThrottle.succeeded(email, ctx.clientAddress);
        const session = await openSession(ctx.db, ctx.tokens, person!.id, {
          clientAddress: ctx.clientAddress,
          refreshTtlSeconds: ctx.services.accounts.refreshTtlSeconds,
        });
        ctx.log.info('login', { personId: person!.id, sessionId: session.sessionId });
        return session;
      }),
  }),
);

builder.queryField('me', (t) =>
  t.prismaField({
    type: PersonRef,
    description: 'The signed-in person, with their roles.',
    resolve: (query, _root, _args, ctx) => ctx.db.person.findUniqueOrThrow({ ...query, where: { id: ctx.viewer!.personId } }),
  }),
);
