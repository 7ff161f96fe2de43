import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { createMcpServer } from '@/mcp/server';
import { route } from '../_lib/handler';
import { json } from '../_lib/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The MCP endpoint (Streamable HTTP, stateless: a server per request, JSON answers). It takes an API token, and each
 * tool checks the token's role on the cluster it reads, as the routes of the HTTP API do; a browser session is
 * refused, so a page cannot drive it with a signed-in user's cookie.
 */
export const POST = route({ route: '/api/mcp', permission: 'signed-in', scope: 'console' }, async ({ app, principal, request }) => {
  if (principal.kind === 'session') return json(403, 'token_required', 'the MCP endpoint takes an API token (Authorization: Bearer <token>), made on /account');
  const server = createMcpServer(app, principal, app.settings.auth.publicUrl ?? new URL(request.url).origin);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
});

/** No server-sent stream to open: each POST is answered whole (the transport's stateless JSON mode). */
export const GET = route({ route: '/api/mcp', permission: 'signed-in', scope: 'console' }, async () =>
  json(405, 'method_not_allowed', 'this MCP endpoint is stateless: send JSON-RPC requests with POST'),
);
