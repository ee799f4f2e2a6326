// People, organisations and documents, as a new user meets them: invitations and
// password resets through a real SMTP server, sessions that end at once, outside
// companies that see only their own records, API keys, and evidence files.
import { readdir } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, demoTokens, gql, issuesOf, startServer, unitIdsByCode, type TestServer } from './helpers.js';
import { make, uniq } from './factories.js';
import { recipientOf, startMailServer, tokenIn, type TestMailServer } from './mail.js';
import { hashSecret } from '../src/lib/auth/api-keys.js';
import { hashPassword } from '../src/lib/auth/passwords.js';

let server: TestServer;
let mail: TestMailServer;
let tokens: Record<string, string>;
let units: Record<string, string>;
const documentsDir = mkdtempSync(path.join(tmpdir(), 'documents-'));
const PASSWORD = 'Tres-Tristes-Tigres-2026';

beforeAll(async () => {
  mail = await startMailServer();
  server = await startServer({
    SMTP_URL: mail.url,
    DOCUMENTS_DIR: documentsDir,
    MAX_DOCUMENT_BYTES: String(64 * 1024),
    APP_URL: 'https://app.example.mx',
  });
  tokens = await demoTokens(server);
  units = await unitIdsByCode(server, tokens.admin);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await mail?.stop();
});

const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id email invitationPending emailVerified organizacion { code } roleAssignments { id role unit { code } } } }`;
const ME = `{ me { id email roleAssignments { role unit { code } } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token refreshToken person { id } } }`;
const SET_PASSWORD = `mutation($token: String!, $password: String!) { setPassword(token: $token, password: $password) { token refreshToken } }`;

type Created = {
  createPerson: {
    id: string;
    email: string;
    invitationPending: boolean;
    emailVerified: boolean;
    organizacion: { code: string };
    roleAssignments: { id: string; role: string; unit: { code: string } }[];
  };
};

async function invite(admin: string, unit: string, roles: { role: string; unitId: string }[] = []) {
  const email = `persona.${uniq()}@example.mx`.toLowerCase();
  const r = await gql<Created, unknown>(
    server,
    CREATE_PERSON,
    { input: { email, fullName: 'Ana Prueba Invitada', unitId: units[unit], roles } },
    tokens[admin],
  );
  expect(r.errors).toBeUndefined();
  return { ...r.data!.createPerson, email };
}

async function acceptInvitation(email: string) {
  const message = await mail.waitFor((m) => recipientOf(m) === email && /Invitación/.test(m.subject ?? ''));
  expect(message.text).toContain('https://app.example.mx/cuenta/activar?token=');
  const r = await gql<{ setPassword: { token: string; refreshToken: string } }, unknown>(server, SET_PASSWORD, {
    token: tokenIn(message),
    password: PASSWORD,
  });
  expect(r.errors).toBeUndefined();
  return r.data!.setPassword;
}

describe('administration and invitations', () => {
  it('a state administrator invites a person, who sets a password, signs in, gets a role at a plantel and acts there; another state cannot touch them', async () => {
    const person = await invite('admin.mex', 'CE-MEX');
    expect(person).toMatchObject({ invitationPending: true, emailVerified: false, organizacion: { code: 'CE-MEX' }, roleAssignments: [] });

    // The invitation arrived on the SMTP server; a weak password is refused and leaves the token usable.
    const message = await mail.waitFor((m) => recipientOf(m) === person.email);
    const weak = await gql(server, SET_PASSWORD, { token: tokenIn(message), password: 'corta' });
    expect(codeOf(weak)).toBe('BAD_USER_INPUT');
    expect(issuesOf(weak)[0].path).toEqual(['password']);
    const set = await gql<{ setPassword: { token: string } }, unknown>(server, SET_PASSWORD, {
      token: tokenIn(message),
      password: PASSWORD,
    });
    expect(set.errors).toBeUndefined();
    const again = await gql(server, SET_PASSWORD, { token: tokenIn(message), password: PASSWORD + 'x' });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');

    const login = await gql<{ login: { token: string } }, unknown>(server, LOGIN, { email: person.email, password: PASSWORD });
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.token;

    // A role at a plantel of the administrator's state; the other state's plantel is outside its subtree.
    const ADD = `mutation($input: AddRoleAssignmentInput!) { addRoleAssignment(input: $input) { roleAssignments { role unit { code } } } }`;
    const outside = await gql(
      server,
      ADD,
      { input: { id: person.id, role: 'DIRECTOR_PLANTEL', unitId: units['VER-P001'] } },
      tokens['admin.mex'],
    );
    expect(codeOf(outside)).toBe('BAD_USER_INPUT');
    expect(issuesOf(outside)[0].path).toEqual(['input', 'unitId']);
    const added = await gql(
      server,
      ADD,
      { input: { id: person.id, role: 'DIRECTOR_PLANTEL', unitId: units['MEX-P001'] } },
      tokens['admin.mex'],
    );
    expect(added.errors).toBeUndefined();
    const me = await gql<{ me: { roleAssignments: unknown[] } }, unknown>(server, ME, {}, token);
    expect(me.data!.me.roleAssignments).toEqual([{ role: 'DIRECTOR_PLANTEL', unit: { code: 'MEX-P001' } }]);

    // They act there: the plantel's signature of a certificate.
    const cert = await make.certificado(server.db, { estado: 'POR_FIRMAR_PLANTEL', unit: 'MEX-P001' });
    const SIGN = `mutation($input: CertificadoStepInput!) { signCertificadoAsDirectorPlantel(input: $input) { estado } }`;
    const signed = await gql<{ signCertificadoAsDirectorPlantel: { estado: string } }, unknown>(
      server,
      SIGN,
      { input: { id: cert.globalId } },
      token,
    );
    expect(signed.errors).toBeUndefined();
    expect(signed.data!.signCertificadoAsDirectorPlantel.estado).toBe('POR_FIRMAR_DG_ESTATAL');

    // Veracruz's and CONOCER's administrators cannot touch them; nothing changes.
    const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { fullName } }`;
    for (const admin of ['admin.ver', 'admin.conocer']) {
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(
        codeOf(await gql(server, UPDATE, { input: { id: person.id, fullName: 'Otro nombre' } }, tokens[admin])),
      );
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(
        codeOf(await gql(server, ADD, { input: { id: person.id, role: 'DIRECTOR_PLANTEL', unitId: units['VER-P001'] } }, tokens[admin])),
      );
    }
    const row = await server.db.person.findUniqueOrThrow({ where: { id: decode(person.id) }, include: { roles: true } });
    expect(row.fullName).toBe('Ana Prueba Invitada');
    expect(row.roles).toHaveLength(1);
    // Every step is audited.
    const audit = await server.db.workflowTransition.findMany({ where: { recordId: row.id }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => a.transition)).toEqual(['createPerson', 'addRoleAssignment']);
  });

  it('refuses an e-mail already taken, a role out of reach and a non-administrator, writing nothing', async () => {
    const before = await server.db.person.count();
    const taken = await gql(
      server,
      CREATE_PERSON,
      { input: { email: 'DG.MEX@demo.conalep.mx', fullName: 'Duplicada', unitId: units['CE-MEX'] } },
      tokens['admin.mex'],
    );
    expect(codeOf(taken)).toBe('BAD_USER_INPUT');
    expect(issuesOf(taken)[0]).toMatchObject({ path: ['input', 'email'] });
    const far = await gql(
      server,
      CREATE_PERSON,
      { input: { email: `x.${uniq()}@example.mx`, fullName: 'Lejana', unitId: units['CE-VER'] } },
      tokens['admin.mex'],
    );
    expect(codeOf(far)).toBe('FORBIDDEN');
    const roleOut = await gql(
      server,
      CREATE_PERSON,
      {
        input: {
          email: `y.${uniq()}@example.mx`,
          fullName: 'Con rol lejano',
          unitId: units['CE-MEX'],
          roles: [{ role: 'CAST', unitId: units['VER-CAST01'] }],
        },
      },
      tokens['admin.mex'],
    );
    expect(issuesOf(roleOut)[0].path).toEqual(['input', 'roles', 0, 'unitId']);
    const notAdmin = await gql(
      server,
      CREATE_PERSON,
      { input: { email: `z.${uniq()}@example.mx`, fullName: 'Sin permiso', unitId: units['CE-MEX'] } },
      tokens['dg.mex'],
    );
    expect(codeOf(notAdmin)).toBe('FORBIDDEN');
    expect(await server.db.person.count()).toBe(before);
  });

  it('creates units following the tree rules, within the administrator’s subtree only', async () => {
    const CREATE = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { code kind parent { code } } }`;
    const code = `MEX-P${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const ok = await gql(
      server,
      CREATE,
      { input: { parentId: units['CE-MEX'], kind: 'PLANTEL', code, name: 'Plantel de prueba' } },
      tokens['admin.mex'],
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ createOrgUnit: { code, kind: 'PLANTEL', parent: { code: 'CE-MEX' } } });
    const wrongParent = await gql(
      server,
      CREATE,
      { input: { parentId: units['MEX-P001'], kind: 'PLANTEL', code: `X${code}`, name: 'Mal colgado' } },
      tokens['admin.mex'],
    );
    expect(issuesOf(wrongParent)[0].path).toEqual(['input', 'kind']);
    const duplicate = await gql(
      server,
      CREATE,
      { input: { parentId: units['CE-MEX'], kind: 'PLANTEL', code, name: 'Repetido' } },
      tokens['admin.mex'],
    );
    expect(issuesOf(duplicate)[0].path).toEqual(['input', 'code']);
    const conocer = await gql(
      server,
      CREATE,
      {
        input: { parentId: units['CONOCER-DVD'], kind: 'AREA_CONOCER', code: `CONOCER-${uniq()}`.toUpperCase().slice(0, 30), name: 'Área' },
      },
      tokens.admin,
    );
    expect(codeOf(conocer)).toBe('FORBIDDEN');
  });
});

describe('sessions and passwords', () => {
  it('a reset link works once; an expired one is refused; other sessions end', async () => {
    const person = await invite('admin.mex', 'MEX-P002');
    const first = await acceptInvitation(person.email);
    const RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
    expect(
      (await gql<{ requestPasswordReset: boolean }, unknown>(server, RESET, { email: person.email.toUpperCase() })).data!
        .requestPasswordReset,
    ).toBe(true);
    // An unknown address gets the same answer and no e-mail.
    expect(
      (await gql<{ requestPasswordReset: boolean }, unknown>(server, RESET, { email: `nadie.${uniq()}@example.mx` })).data!
        .requestPasswordReset,
    ).toBe(true);
    const message = await mail.waitFor((m) => recipientOf(m) === person.email && /Restablecer/.test(m.subject ?? ''));
    const token = tokenIn(message);
    const used = await gql(server, SET_PASSWORD, { token, password: 'Otra-Clave-Distinta-99' });
    expect(used.errors).toBeUndefined();
    const reused = await gql(server, SET_PASSWORD, { token, password: 'Y-Otra-Mas-Distinta-98' });
    expect(codeOf(reused)).toBe('BAD_USER_INPUT');
    expect(issuesOf(reused)[0].path).toEqual(['token']);
    // The session opened before the reset has ended.
    expect((await gql(server, ME, {}, first.token)).status).toBe(401);
    expect(codeOf(await gql(server, LOGIN, { email: person.email, password: PASSWORD }))).toBe('UNAUTHENTICATED');

    // An expired token (made directly, an hour old) is refused the same way.
    const expired = randomBytes(32).toString('base64url');
    await server.db.accountToken.create({
      data: {
        personId: decode(person.id),
        purpose: 'RESTABLECIMIENTO',
        tokenHash: hashSecret(expired),
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    expect(codeOf(await gql(server, SET_PASSWORD, { token: expired, password: 'Vencida-Pero-Larga-77' }))).toBe('BAD_USER_INPUT');
  });

  it('logout and deactivation end tokens at once; refresh tokens rotate', async () => {
    const person = await invite('admin.mex', 'CE-MEX');
    await acceptInvitation(person.email);
    const a = (
      await gql<{ login: { token: string; refreshToken: string } }, unknown>(server, LOGIN, { email: person.email, password: PASSWORD })
    ).data!.login;
    const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { token refreshToken } }`;
    const b = (await gql<{ refreshSession: { token: string; refreshToken: string } }, unknown>(server, REFRESH, { t: a.refreshToken }))
      .data!.refreshSession;
    expect(codeOf(await gql(server, REFRESH, { t: a.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await gql(server, ME, {}, b.token)).errors).toBeUndefined();
    expect((await gql(server, `mutation { logout }`, {}, b.token)).data).toEqual({ logout: true });
    expect((await gql(server, ME, {}, b.token)).status).toBe(401);
    expect(codeOf(await gql(server, REFRESH, { t: b.refreshToken }))).toBe('UNAUTHENTICATED');

    const c = (
      await gql<{ login: { token: string; refreshToken: string } }, unknown>(server, LOGIN, { email: person.email, password: PASSWORD })
    ).data!.login;
    expect((await gql(server, ME, {}, c.token)).errors).toBeUndefined();
    const off = await gql(
      server,
      `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { active } }`,
      { input: { id: person.id, active: false } },
      tokens['admin.mex'],
    );
    expect(off.data).toEqual({ updatePerson: { active: false } });
    const after = await gql(server, ME, {}, c.token);
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(server, REFRESH, { t: c.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(server, LOGIN, { email: person.email, password: PASSWORD }))).toBe('UNAUTHENTICATED');
  });
});

describe('own account', () => {
  it('changes the password with the current one, keeps this session, ends the others and e-mails the person', async () => {
    const person = await invite('admin.mex', 'MEX-P001');
    const other = await acceptInvitation(person.email);
    const current = (await gql<{ login: { token: string } }, unknown>(server, LOGIN, { email: person.email, password: PASSWORD })).data!
      .login.token;
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
    const wrong = await gql(server, CHANGE, { c: 'no-es-la-actual-123', n: 'Nueva-Clave-Segura-55' }, current);
    expect(issuesOf(wrong)[0].path).toEqual(['currentPassword']);
    const weak = await gql(server, CHANGE, { c: PASSWORD, n: 'aaaaaaaaaaaaaaa' }, current);
    expect(issuesOf(weak)[0].path).toEqual(['newPassword']);
    expect((await gql(server, CHANGE, { c: PASSWORD, n: 'Nueva-Clave-Segura-55' }, current)).data).toEqual({ changePassword: true });
    expect((await gql(server, ME, {}, current)).errors).toBeUndefined();
    expect((await gql(server, ME, {}, other.token)).status).toBe(401);
    await mail.waitFor((m) => recipientOf(m) === person.email && /contraseña cambió/.test(m.subject ?? ''));
    expect((await gql(server, LOGIN, { email: person.email, password: 'Nueva-Clave-Segura-55' })).errors).toBeUndefined();
  });

  it('verifies the e-mail address with a single-use link', async () => {
    const person = await make.person(server.db, { roles: [['LECTOR', 'CE-MEX']] });
    await server.db.person.update({ where: { id: person.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    const token = (await gql<{ login: { token: string } }, unknown>(server, LOGIN, { email: person.email, password: PASSWORD })).data!.login
      .token;
    expect((await gql(server, `mutation { requestEmailVerification }`, {}, token)).data).toEqual({ requestEmailVerification: true });
    const message = await mail.waitFor((m) => recipientOf(m) === person.email && /Confirma/.test(m.subject ?? ''));
    expect(message.text).toContain('https://app.example.mx/cuenta/verificar?token=');
    const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) }`;
    expect((await gql(server, VERIFY, { t: tokenIn(message) })).data).toEqual({ verifyEmail: true });
    expect(codeOf(await gql(server, VERIFY, { t: tokenIn(message) }))).toBe('BAD_USER_INPUT');
    const me = await gql<{ me: { emailVerified: boolean } }, unknown>(server, `{ me { emailVerified } }`, {}, token);
    expect(me.data!.me.emailVerified).toBe(true);
    expect((await gql(server, `mutation { requestEmailVerification }`, {}, token)).data).toEqual({ requestEmailVerification: false });
  });
});

describe('outside organisations', () => {
  it('a company’s person sees only its own organisation and records, by every path', async () => {
    const own = await make.proyectoNormativo(server.db, { unit: 'EMP-MEX01' });
    const other = await make.proyectoNormativo(server.db, { unit: 'EMP-VER01' });
    const LIST = `{ proyectosNormativos(first: 100) { edges { node { id } } } orgUnits(first: 100) { edges { node { code } } } people(first: 100) { edges { node { email organizacion { code } } } } }`;
    type L = {
      proyectosNormativos: { edges: { node: { id: string } }[] };
      orgUnits: { edges: { node: { code: string } }[] };
      people: { edges: { node: { email: string; organizacion: { code: string } | null } }[] };
    };
    const seen = (await gql<L, unknown>(server, LIST, {}, tokens['usuario.emp-mex01'])).data!;
    expect(seen.proyectosNormativos.edges.map((e) => e.node.id)).toEqual([own.globalId]);
    const codes = seen.orgUnits.edges.map((e) => e.node.code);
    expect(codes).toContain('EMP-MEX01');
    expect(codes).not.toContain('EMP-VER01');
    // Other test files may register people in the company meanwhile: every one listed is of the company.
    expect(seen.people.edges.map((e) => e.node.email)).toContain('usuario.emp-mex01@demo.conalep.mx');
    expect(new Set(seen.people.edges.map((e) => e.node.organizacion?.code))).toEqual(new Set(['EMP-MEX01']));
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    expect(
      (await gql<{ node: unknown }, unknown>(server, NODE, { id: other.globalId }, tokens['usuario.emp-mex01'])).data?.node ?? null,
    ).toBeNull();
    expect(
      (await gql<{ node: unknown }, unknown>(server, NODE, { id: units['EMP-VER01'] }, tokens['usuario.emp-mex01'])).data?.node ?? null,
    ).toBeNull();
    // The CAST that deals with the company reaches it; the other state's CAST does not.
    expect((await gql<{ node: unknown }, unknown>(server, NODE, { id: own.globalId }, tokens['cast.mex'])).data!.node).toEqual({
      id: own.globalId,
    });
    expect((await gql<{ node: unknown }, unknown>(server, NODE, { id: own.globalId }, tokens['cast.ver'])).data?.node ?? null).toBeNull();
    expect(
      (await gql<{ orgUnit: unknown }, unknown>(server, `{ orgUnit(code: "EMP-MEX01") { code } }`, {}, tokens['cast.ver'])).data!.orgUnit,
    ).toBeNull();
  });

  it('an administrator registers a company and its person; the company gets only outside roles', async () => {
    const code = `EMP-${uniq()}`
      .toUpperCase()
      .replace(/[^A-Z0-9-]/g, '')
      .slice(0, 30);
    const made = await gql<{ createOrgUnit: { id: string } }, unknown>(
      server,
      `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`,
      { input: { parentId: units['MEX-CAST01'], kind: 'EMPRESA', code, name: 'Empresa de prueba' } },
      tokens['admin.mex'],
    );
    expect(made.errors).toBeUndefined();
    const companyId = made.data!.createOrgUnit.id;
    const wrongRole = await gql(
      server,
      CREATE_PERSON,
      { input: { email: `e.${uniq()}@example.mx`, fullName: 'Contacto', unitId: companyId, roles: [{ role: 'CAST', unitId: companyId }] } },
      tokens['admin.mex'],
    );
    expect(issuesOf(wrongRole)[0].path).toEqual(['input', 'roles', 0, 'role']);
    const ok = await gql<Created, unknown>(
      server,
      CREATE_PERSON,
      {
        input: {
          email: `e.${uniq()}@example.mx`,
          fullName: 'Contacto Empresa',
          unitId: companyId,
          roles: [{ role: 'USUARIO_EXTERNO', unitId: companyId }],
        },
      },
      tokens['admin.mex'],
    );
    expect(ok.data!.createPerson.roleAssignments.map((a) => a.role)).toEqual(['USUARIO_EXTERNO']);
  });
});

describe('API keys', () => {
  it('reads what its role allows, cannot act beyond it, records its last use, and stops after revocation', async () => {
    const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id estado role lastUsedAt unit { code } } } }`;
    const r = await gql<{ createApiKey: { key: string; apiKey: { id: string; estado: string; lastUsedAt: string | null } } }, unknown>(
      server,
      CREATE,
      { input: { unitId: units['CE-MEX'], nombre: 'Metabase de prueba', role: 'LECTOR' } },
      tokens['admin.mex'],
    );
    expect(r.errors).toBeUndefined();
    const { key, apiKey } = r.data!.createApiKey;
    expect(key).toMatch(/^cak_[0-9a-f]{32}_/);
    // Only its hash is stored.
    const row = await server.db.apiKey.findUniqueOrThrow({ where: { id: decode(apiKey.id) } });
    expect(JSON.stringify(row)).not.toContain(key.split('_').pop()!);

    const mine = await make.certificado(server.db, { unit: 'MEX-P001' });
    const theirs = await make.certificado(server.db, { unit: 'VER-P001' });
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await gql<{ node: unknown }, unknown>(server, NODE, { id: mine.globalId }, key)).data!.node).toEqual({ id: mine.globalId });
    expect((await gql<{ node: unknown }, unknown>(server, NODE, { id: theirs.globalId }, key)).data?.node ?? null).toBeNull();
    expect(
      codeOf(
        await gql(
          server,
          `mutation($input: CertificadoStepInput!) { submitCertificado(input: $input) { id } }`,
          { input: { id: mine.globalId } },
          key,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect((await server.db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();

    const wrongKey = key.slice(0, -4) + 'AAAA';
    expect((await gql(server, NODE, { id: mine.globalId }, wrongKey)).status).toBe(401);
    const closed = await gql(
      server,
      `mutation($input: ApiKeyStepInput!) { closeApiKey(input: $input) { estado } }`,
      { input: { id: apiKey.id } },
      tokens['admin.mex'],
    );
    expect(closed.data).toEqual({ closeApiKey: { estado: 'REVOCADA' } });
    const after = await gql(server, NODE, { id: mine.globalId }, key);
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    // Another state's administrator cannot see or revoke it.
    expect((await gql<{ node: unknown }, unknown>(server, NODE, { id: apiKey.id }, tokens['admin.ver'])).data?.node ?? null).toBeNull();
  });

  it('refuses an administrator role for a key and non-outside roles for a company', async () => {
    const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`;
    const admin = await gql(
      server,
      CREATE,
      { input: { unitId: units['CE-MEX'], nombre: 'X', role: 'ADMINISTRADOR_PLATAFORMA' } },
      tokens['admin.mex'],
    );
    expect(issuesOf(admin)[0].path).toEqual(['input', 'role']);
    const company = await gql(server, CREATE, { input: { unitId: units['EMP-MEX01'], nombre: 'ERP', role: 'DSTC' } }, tokens['admin.mex']);
    expect(issuesOf(company)[0].path).toEqual(['input', 'role']);
  });
});

describe('evidence documents', () => {
  const PDF = Buffer.concat([
    Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n'),
    randomBytes(2000),
    Buffer.from('\n%%EOF\n'),
  ]);

  async function upload(token: string | undefined, body: Buffer, name = 'recibo-f02.pdf', type = 'application/pdf') {
    const form = new FormData();
    form.append('tipo', 'RECIBO_ENTREGA');
    form.append('file', new Blob([new Uint8Array(body)], { type }), name);
    const res = await fetch(`${server.url}/documents`, {
      method: 'POST',
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: res.status,
      body: (await res.json()) as { id?: string; sha256?: string; errors?: { extensions: { code: string } }[] },
    };
  }
  const stored = async () => (await readdir(documentsDir, { recursive: true })).filter((f) => !f.startsWith('tmp') && f.length > 40).length;

  it('a receipt uploaded to a delivered certificate is downloadable by those who can read the certificate and nobody else', async () => {
    const up = await upload(tokens['escolares.p001'], PDF);
    expect(up.status).toBe(201);
    expect(up.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const cert = await make.certificado(server.db, { estado: 'POR_ENTREGAR', unit: 'MEX-P001' });
    const DELIVER = `mutation($input: DeliverCertificadoInput!) { deliverCertificado(input: $input) { estado documentos { id nombre sha256 tamano tipoContenido tipo url } } }`;
    // Someone else's upload cannot be attached.
    const foreign = await upload(tokens['dg.mex'], PDF);
    const refused = await gql(
      server,
      DELIVER,
      { input: { id: cert.globalId, entregadoA: 'La egresada', reciboDocumentoId: foreign.body.id } },
      tokens['escolares.p001'],
    );
    expect(issuesOf(refused)[0].path).toEqual(['input', 'reciboDocumentoId']);

    const r = await gql<
      { deliverCertificado: { estado: string; documentos: { id: string; sha256: string; tamano: number; tipo: string; url: string }[] } },
      unknown
    >(
      server,
      DELIVER,
      { input: { id: cert.globalId, entregadoA: 'La egresada', reciboDocumentoId: up.body.id } },
      tokens['escolares.p001'],
    );
    expect(r.errors).toBeUndefined();
    const [doc] = r.data!.deliverCertificado.documentos;
    expect(doc).toMatchObject({ id: up.body.id, tamano: PDF.length, tipo: 'RECIBO_ENTREGA', sha256: up.body.sha256 });

    // The short-lived link works without a token; a tampered one does not.
    const byLink = await fetch(`${server.url}${doc.url}`);
    expect(byLink.status).toBe(200);
    expect(Buffer.from(await byLink.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(`${server.url}${doc.url.replace(/sig=./, 'sig=A')}`)).status).toBe(404);
    const id = decode(up.body.id!);
    expect((await fetch(`${server.url}/documents/${id}?exp=${Math.floor(Date.now() / 1000) - 10}&sig=x`)).status).toBe(404);

    // By token: whoever reads the certificate may download; the other state may not, nor see it through the record.
    const get = (token: string) => fetch(`${server.url}/documents/${id}`, { headers: { authorization: `Bearer ${token}` } });
    for (const reader of ['escolares.p001', 'dg.mex', 'cosfac']) expect((await get(tokens[reader])).status).toBe(200);
    for (const outsider of ['dg.ver', 'escolares.p002', 'usuario.emp-mex01']) expect((await get(tokens[outsider])).status).toBe(404);
    const NODE = `query($id: ID!) { node(id: $id) { ... on Certificado { documentos { id } } } }`;
    expect((await gql<{ node: unknown }, unknown>(server, NODE, { id: cert.globalId }, tokens['dg.ver'])).data?.node ?? null).toBeNull();
    // An upload not yet attached is its uploader's only.
    const loose = await upload(tokens['escolares.p001'], PDF);
    const looseId = decode(loose.body.id!);
    expect(
      (await fetch(`${server.url}/documents/${looseId}`, { headers: { authorization: `Bearer ${tokens['escolares.p001']}` } })).status,
    ).toBe(200);
    expect((await fetch(`${server.url}/documents/${looseId}`, { headers: { authorization: `Bearer ${tokens['dg.mex']}` } })).status).toBe(
      404,
    );
  });

  it('keeps nothing from a refused upload: over the limit, a refused type, no token', async () => {
    const rowsBefore = await server.db.documento.count();
    const filesBefore = await stored();
    const big = await upload(tokens['escolares.p001'], Buffer.concat([PDF, randomBytes(70 * 1024)]));
    expect(big.status).toBe(413);
    expect(big.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const exe = await upload(
      tokens['escolares.p001'],
      Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), randomBytes(5000)]),
      'recibo.pdf',
      'application/pdf',
    );
    expect(exe.status).toBe(415);
    const anonymous = await upload(undefined, PDF);
    expect(anonymous.status).toBe(401);
    expect(await server.db.documento.count()).toBe(rowsBefore);
    expect(await stored()).toBe(filesBefore);
    expect((await readdir(path.join(documentsDir, 'tmp')).catch(() => [])).length).toBe(0);
  });

  it('meeting evidence carries its file, readable with the meeting', async () => {
    const up = await upload(tokens.cst, PDF, 'minuta.pdf');
    const reunion = await make.reunionTrabajoCast(server.db, { estado: 'CONVOCADA' });
    const CLOSE = `mutation($input: CloseReunionTrabajoCastInput!) { closeReunionTrabajoCast(input: $input) { estado evidenciasReunion { tipo documento { id nombre } } documentos { id } } }`;
    const r = await gql<
      { closeReunionTrabajoCast: { evidenciasReunion: { documento: { id: string } | null }[]; documentos: { id: string }[] } },
      unknown
    >(
      server,
      CLOSE,
      {
        input: {
          id: reunion.globalId,
          fecha: new Date(Date.now() - 86_400_000).toISOString(),
          modalidad: 'VIRTUAL',
          resultados: 'Resultados',
          evidenciasReunion: [{ tipo: 'MINUTA', descripcion: 'Minuta firmada', documentoId: up.body.id }],
        },
      },
      tokens.cst,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.closeReunionTrabajoCast.evidenciasReunion[0].documento).toEqual({ id: up.body.id, nombre: 'minuta.pdf' });
    expect(r.data!.closeReunionTrabajoCast.documentos).toEqual([{ id: up.body.id }]);
  });
});

function decode(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];
}

describe('with the per-process viewer cache on', () => {
  it('a logged-out session and a revoked key stop working within seconds, on every process', async () => {
    const a = await startServer({ VIEWER_CACHE: 'on' });
    const b = await startServer({ VIEWER_CACHE: 'on', JWT_SECRET: a.config.jwtSecret! });
    try {
      const until401 = async (s: TestServer, token: string) => {
        for (let i = 0; i < 40; i++) {
          if ((await gql(s, ME, {}, token)).status === 401) return true;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return false;
      };
      const session = (
        await gql<{ login: { token: string } }, unknown>(a, LOGIN, { email: 'dg.ver@demo.conalep.mx', password: 'Conalep-Demo-2026' })
      ).data!.login.token;
      // Both processes have it cached.
      for (const s of [a, b]) expect((await gql(s, ME, {}, session)).errors).toBeUndefined();
      expect((await gql(a, `mutation { logout }`, {}, session)).data).toEqual({ logout: true });
      for (const s of [a, b]) expect(await until401(s, session)).toBe(true);

      const key = await make.apiKey(a.db, { unit: 'CE-VER' });
      for (const s of [a, b]) expect((await gql(s, ME, {}, key.key)).errors).toBeUndefined();
      const admin = (
        await gql<{ login: { token: string } }, unknown>(a, LOGIN, { email: 'admin.ver@demo.conalep.mx', password: 'Conalep-Demo-2026' })
      ).data!.login.token;
      const closed = await gql(
        a,
        `mutation($input: ApiKeyStepInput!) { closeApiKey(input: $input) { estado } }`,
        { input: { id: key.globalId } },
        admin,
      );
      expect(closed.errors).toBeUndefined();
      for (const s of [a, b]) expect(await until401(s, key.key)).toBe(true);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
