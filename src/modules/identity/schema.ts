// Sign-in for local accounts and the viewer's own profile.
import { builder } from '../../builder.js';
import { verifyPassword } from '../../lib/auth/passwords.js';
import { InputChecker, unauthenticated } from '../../lib/errors.js';
import { PersonRef } from '../organisation/types.js';

const AuthPayload = builder
  .objectRef<{ token: string; expiresAt: Date; personId: string }>('AuthPayload')
  .implement({
    description: 'A bearer token: send it as `Authorization: Bearer <token>`.',
    fields: (t) => ({
      token: t.exposeString('token'),
      expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
      person: t.prismaField({
        type: 'Person',
        resolve: (query, payload, _args, ctx) => ctx.db.person.findUniqueOrThrow({ ...query, where: { id: payload.personId } }),
      }),
    }),
  });

builder.mutationField('login', (t) =>
  t.field({
    type: AuthPayload,
    description: 'Signs in a local account. Wrong credentials and inactive accounts get UNAUTHENTICATED.',
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, { email, password }, ctx) => {
      new InputChecker()
        .check(/^\S+@\S+$/.test(email.trim()), ['email'], 'Must be an e-mail address')
        .check(password.length > 0, ['password'], 'Must not be empty')
        .throwIfAny();
      const person = await ctx.db.person.findUnique({ where: { email: email.trim().toLowerCase() } });
      const ok = person?.passwordHash && person.active ? await verifyPassword(password, person.passwordHash) : false;
      if (!person || !ok) throw unauthenticated('Invalid e-mail or password');
      const { token, expiresAt } = await ctx.tokens.issue(person.id);
      ctx.log.info('login', { personId: person.id });
      return { token, expiresAt, personId: person.id };
    },
  }),
);

builder.queryField('me', (t) =>
  t.prismaField({
    type: PersonRef,
    description: 'The signed-in person, with their roles.',
    resolve: (query, _root, _args, ctx) => ctx.db.person.findUniqueOrThrow({ ...query, where: { id: ctx.viewer!.personId } }),
  }),
);
