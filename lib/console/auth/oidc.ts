import type * as Client from 'openid-client';
import type { OidcSettings } from '../core/config';
import type { Logger } from '../core/log';
import { OidcError } from './errors';
import { isLoopbackHost } from './http';

/** What the console keeps between the redirect to the provider and its callback (server-side, see service.ts). */
export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  next: string;
}

/**
 * The OIDC relying party, on openid-client: discovery (cached, retried after a failure), the authorization URL
 * with PKCE (S256), state and nonce, and the code exchange with every check the library makes (issuer, audience,
 * signature, nonce, state). Claims are the ID token's merged with the userinfo endpoint's, since providers release
 * scope claims (groups, say) in either.
 */
// loaded on the first sign-in through OIDC: a console without OIDC never holds openid-client and jose in memory
const openid = () => import('openid-client');

export class OidcClient {
  private config: Promise<Client.Configuration> | undefined;

  constructor(
    readonly settings: OidcSettings,
    private readonly log: Logger,
  ) {}

  async begin(redirectUri: string, next: string): Promise<{ url: string; flow: OidcFlow }> {
    const config = await this.configuration();
    const client = await openid();
    const flow: OidcFlow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), redirectUri, next };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flow };
  }

  /** The claims of the user who came back to `callbackUrl` (the redirect URI with the provider's parameters). */
  async finish(callbackUrl: URL, flow: OidcFlow): Promise<Record<string, unknown>> {
    const config = await this.configuration();
    const client = await openid();
    try {
      const tokens = await client.authorizationCodeGrant(
        config,
        callbackUrl,
        { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true },
        { redirect_uri: flow.redirectUri },
      );
      const idClaims = tokens.claims();
      if (!idClaims) throw new OidcError('the provider sent no ID token');
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch((error: unknown) => {
        this.log.warn({ err: error }, 'oidc: userinfo failed; using the ID token claims only');
        return {};
      });
      return { ...userinfo, ...idClaims, ...pick(userinfo, this.settings.roleClaim, this.settings.usernameClaim) };
    } catch (error) {
      if (error instanceof OidcError) throw error;
      throw new OidcError(`single sign-on with ${this.settings.issuer} failed: ${describe(error)}`);
    }
  }

  private configuration(): Promise<Client.Configuration> {
    this.config ??= discover(this.settings).catch((error: unknown) => {
      this.config = undefined;
      this.log.warn({ err: error, issuer: this.settings.issuer }, 'oidc: discovery failed');
      throw new OidcError(`the single sign-on provider ${this.settings.issuer} did not answer its discovery document: ${describe(error)}`);
    });
    return this.config;
  }
}

async function discover(settings: OidcSettings): Promise<Client.Configuration> {
  const client = await openid();
  const issuer = new URL(settings.issuer);
  // plain HTTP only for a provider on this machine (the tests' loopback provider); anywhere else it must be HTTPS
  const insecure = issuer.protocol === 'http:' && isLoopbackHost(issuer.host);
  const auth = settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None();
  return client.discovery(issuer, settings.clientId, undefined, auth, insecure ? { execute: [client.allowInsecureRequests] } : undefined);
}

/** The role and username claims from userinfo win over the ID token's when both have them (userinfo is fresher). */
function pick(claims: Record<string, unknown>, ...names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => claims[n] !== undefined).map((n) => [n, claims[n]]));
}

function describe(error: unknown): string {
  // AuthorizationResponseError and ResponseBodyError carry the provider's error code and description
  if (error instanceof Error && typeof (error as { error?: unknown }).error === 'string') {
    const { error: code, error_description: text } = error as Error & { error: string; error_description?: string };
    return `${code}${text ? `: ${text}` : ''}`;
  }
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
