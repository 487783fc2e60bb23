/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 for the auth tests: a client credentials
 * client, a device flow client and an authorization code + PKCE client, issuing RS256 JWT access
 * tokens for the CDF "resource". The user's part of the interactive flows (log in, consent) is
 * completed by an interaction handler that signs "alice" in and grants what was asked, as a user
 * clicking through would.
 */
import { generateKeyPairSync } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const CC_CLIENT = { id: 'cdf-files-service', secret: 'cc-secret-5f0c9d6e2b7a41f3a8e1' };
export const DEVICE_CLIENT = 'cdf-files-device';
export const PKCE_CLIENT = 'cdf-files-desktop';

export interface LocalIdentityProvider {
  issuer: string;
  /** The audience and scope the access tokens are for. */
  audience: string;
  scope: string;
  /** Requests to the token endpoint, by grant type. */
  tokenRequests: string[];
  /** Tokens issued (for the leak checks). */
  issuedTokens: string[];
  /** Secrets clients sent to the token endpoint: codes, code verifiers, device codes, refresh tokens, client secrets. */
  sentSecrets: string[];
  close(): Promise<void>;
}

export async function startIdentityProvider(options: {
  audience: string;
  accessTokenTtlSeconds?: number;
}): Promise<LocalIdentityProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const scope = `${options.audience}/.default`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };
  const resourceServer = {
    scope,
    audience: options.audience,
    accessTokenFormat: 'jwt',
    accessTokenTTL: options.accessTokenTtlSeconds ?? 3600,
    jwt: { sign: { alg: 'RS256' } },
  };

  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    clients: [
      {
        client_id: CC_CLIENT.id,
        client_secret: CC_CLIENT.secret,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_post',
      },
      {
        client_id: DEVICE_CLIENT,
        application_type: 'native',
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: 'none',
      },
      {
        client_id: PKCE_CLIENT,
        application_type: 'native',
        grant_types: ['authorization_code', 'refresh_token'],
        redirect_uris: ['http://127.0.0.1/callback'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      },
    ],
    scopes: ['openid', 'offline_access'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: {
        enabled: true,
        // Plain pages (the defaults work too, but log a notice asking to customise them).
        userCodeConfirmSource: (ctx: { body: string }, form: string) => {
          ctx.body = `<!DOCTYPE html><html><body><h1>Confirm device</h1>${form}</body></html>`;
        },
        successSource: (ctx: { body: string }) => {
          ctx.body = '<!DOCTYPE html><html><body><h1>Sign-in Success</h1></body></html>';
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        getResourceServerInfo: () => resourceServer,
        useGrantedResource: () => true,
      },
    },
    pkce: { required: () => true },
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    issueRefreshToken: (
      _ctx: unknown,
      client: { grantTypeAllowed(t: string): boolean },
      code: { scopes: Set<string> },
    ) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    ttl: {
      AccessToken: options.accessTokenTtlSeconds ?? 3600,
      ClientCredentials: options.accessTokenTtlSeconds ?? 3600,
      DeviceCode: 600,
      Session: 3600,
      Interaction: 600,
      Grant: 3600,
      RefreshToken: 86_400,
      AuthorizationCode: 60,
    },
    cookies: { keys: ['test-cookie-key'] },
  });

  // Tell device clients to poll every 0.2 s instead of the default 5 s, to keep the tests quick.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/device/auth' && ctx.body && typeof ctx.body === 'object')
      ctx.body = { ...ctx.body, interval: 0.2 };
  });

  const tokenRequests: string[] = [];
  const issuedTokens: string[] = [];
  const sentSecrets: string[] = [];
  provider.on('grant.success', (ctx: unknown) => {
    const body = (ctx as { body?: { access_token?: string; refresh_token?: string; id_token?: string } }).body;
    if (body?.access_token) issuedTokens.push(body.access_token);
    if (body?.refresh_token) issuedTokens.push(body.refresh_token);
    if (body?.id_token) issuedTokens.push(body.id_token);
  });

  const callback = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      completeInteraction(provider, req, res).catch((e: unknown) => {
        res.writeHead(500).end(String(e));
      });
      return;
    }
    if (req.method === 'POST' && req.url?.startsWith('/token')) {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(raw);
        tokenRequests.push(form.get('grant_type') ?? '?');
        for (const name of ['code', 'code_verifier', 'device_code', 'refresh_token', 'client_secret']) {
          const value = form.get(name);
          if (value) sentSecrets.push(value);
        }
      });
    }
    callback(req, res);
  });

  return {
    issuer,
    audience: options.audience,
    scope,
    tokenRequests,
    issuedTokens,
    sentSecrets,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What a user does on the login and consent pages: sign in as alice, grant what is asked. */
async function completeInteraction(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const interaction = await provider.interactionDetails(req, res);
  if (interaction.prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: 'alice' } }, { mergeWithLastSubmission: false });
    return;
  }
  const details = interaction.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  const grant = interaction.grantId ? ((await provider.Grant.find(interaction.grantId)) ?? newGrant()) : newGrant();
  function newGrant() {
    return new provider.Grant({
      accountId: interaction.session?.accountId ?? 'alice',
      clientId: String(interaction.params.client_id),
    });
  }
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}
