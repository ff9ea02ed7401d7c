// Small local OpenID Connect provider for tests (oidc-provider 9.13.3; on Node 20 it prints an
// "Unsupported runtime" warning but works; Node 22 LTS is its supported baseline).
// Env: OIDC_PORT (0 = any free port), OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI (comma-separated),
//      OIDC_CLIENT_ID (default rapportflode), OIDC_TOKEN_AUTH_METHOD (default client_secret_basic).
// Prints "OIDC provider listening on http://127.0.0.1:PORT" once ready; that URL is the issuer.
// Login page: one text field `login` (any e-mail, no password) + submit button. Consent is implicit.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const env = process.env;
const clientSecret = env.OIDC_CLIENT_SECRET;
const redirectUris = (env.OIDC_REDIRECT_URI ?? '').split(',').map((s) => s.trim()).filter(Boolean);
if (!clientSecret || redirectUris.length === 0) {
  console.error('OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI are required');
  process.exit(2);
}

// The account id (and so `sub`) is the base64url of the e-mail typed at login: opaque-looking,
// stable, and needs no store.
const toSub = (email) => Buffer.from(email.trim().toLowerCase()).toString('base64url');
const fromSub = (sub) => Buffer.from(sub, 'base64url').toString();
const nameOf = (email) =>
  email.split('@')[0].split(/[._-]+/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(' ');

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head>` +
  `<body><h1>${esc(title)}</h1>${body}</body></html>`;

async function readForm(req) {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 10_000) throw new Error('body too large');
  }
  return new URLSearchParams(raw);
}

let provider; // created once the port (and so the issuer URL) is known
let oidcCallback;

// Minimal interaction routes instead of oidc-provider's devInteractions (those pull a web font
// from the internet and are "development only"; ours are plain HTML with stable selectors).
async function interaction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (req.method === 'GET') {
    const hint = details.params.login_hint ?? '';
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(page('Sign in to the test identity provider',
      `<form method="post" action="/interaction/${esc(uid)}" autocomplete="off">` +
      `<label>E-mail <input type="email" name="login" required autofocus value="${esc(hint)}"></label>` +
      `<button type="submit">Sign in</button></form>` +
      `<p><a href="/interaction/${esc(uid)}/abort">Cancel</a></p>`));
    return;
  }
  const login = (await readForm(req)).get('login')?.trim();
  if (!login || !login.includes('@')) {
    res.statusCode = 400;
    res.end('login must be an e-mail address');
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: toSub(login) } },
    { mergeWithLastSubmission: false });
}

const server = createServer(async (req, res) => {
  try {
    const m = /^\/interaction\/([\w-]+)(\/abort)?$/.exec(req.url.split('?')[0]);
    if (m && m[2] && req.method === 'GET') {
      await provider.interactionFinished(req, res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false });
    } else if (m && (req.method === 'GET' || req.method === 'POST')) {
      await interaction(req, res, m[1]);
    } else {
      oidcCallback(req, res);
    }
  } catch (err) {
    console.error('interaction error:', err);
    if (!res.headersSent) res.statusCode = 400;
    res.end(page('Error', esc(err.message)));
  }
});

server.listen(Number(env.OIDC_PORT ?? 0), '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  provider = new Provider(issuer, {
    clients: [{
      client_id: env.OIDC_CLIENT_ID ?? 'rapportflode',
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: env.OIDC_TOKEN_AUTH_METHOD ?? 'client_secret_basic',
    }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true }, // S256 is the only method oidc-provider 9 accepts
    scopes: ['openid', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false, // put email/name in the ID token too, as Entra ID and Keycloak do
    features: { devInteractions: { enabled: false } },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    // First-party test client: grant the requested scopes without a consent screen.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    async findAccount(ctx, sub) {
      const email = fromSub(sub);
      if (!email.includes('@')) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email, email_verified: true, name: nameOf(email) };
        },
      };
    },
  });
  provider.on('server_error', (ctx, err) => console.error('server_error:', err));
  oidcCallback = provider.callback();
  console.log(`OIDC provider listening on ${issuer}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
