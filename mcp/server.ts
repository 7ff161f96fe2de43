/**
 * The console's MCP server: the read use cases as tools an assistant may call, and the change use cases as tools
 * that only ever make a preview plus a link where a person confirms it in the web console. One server per request
 * (stateless Streamable HTTP), built for the token that sent it: every tool checks that token's role on the
 * cluster it touches, as the HTTP API's routes do.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { refusal, type Principal } from '../lib/console/auth/principal';
import type { Console } from '../lib/console/console';
import { errorAnswer } from '../lib/console/core/errors';
import { answer, failure, type ToolAnswer } from './answer';
import type { AnyToolSpec, ToolCall } from './tool';
import { readTools } from './tools/read';
import { messageTools } from './tools/messages';
import { changeTools } from './tools/changes';

export const MCP_SERVER_NAME = 'rocketmq-console';

export const ALL_TOOLS: AnyToolSpec[] = [...readTools, ...messageTools, ...changeTools];

export function createMcpServer(app: Console, principal: Principal, webBase: string): McpServer {
  const server = new McpServer({ name: MCP_SERVER_NAME, version: '1.0.0' }, { instructions: INSTRUCTIONS });
  for (const spec of ALL_TOOLS) {
    server.registerTool(
      spec.name,
      { title: spec.title, description: spec.description, inputSchema: spec.input, annotations: { readOnlyHint: true, idempotentHint: !spec.preview, openWorldHint: false } },
      (args: Record<string, unknown>) => runTool(app, principal, webBase, spec, args),
    );
  }
  return server;
}

const INSTRUCTIONS = [
  'Tools over an Apache RocketMQ console. Every tool takes an optional `cluster` (default: the console\'s first cluster; the `clusters` tool lists them).',
  'Answers are JSON; a line starting with MORE: says a list was cut and how to ask for the rest.',
  'Nothing here changes a cluster: the preview_* tools plan a change and return a link where a person reviews and confirms it in the web console.',
].join(' ');

async function runTool(app: Console, principal: Principal, webBase: string, spec: AnyToolSpec, args: Record<string, unknown>): Promise<ToolAnswer> {
  try {
    const clusterName = typeof args.cluster === 'string' && args.cluster !== '' ? args.cluster : app.defaultCluster;
    const ctx = app.cluster(clusterName);
    const scope = { name: ctx.name, readOnly: ctx.config.readOnly };
    const refused = refusal(principal, spec.permission, scope);
    if (refused) return failure(refused.code, refused.message);
    const call: ToolCall = {
      app,
      ctx,
      principal,
      may: (requirement) => refusal(principal, requirement, scope) === undefined,
      webUrl: (path) => new URL(path, webBase).toString(),
    };
    const result = await spec.run(call, args);
    return isToolAnswer(result) ? result : answer(result);
  } catch (error) {
    const known = errorAnswer(error);
    if (known) return failure(known.code, known.message);
    app.log.error({ err: error, tool: spec.name }, 'MCP tool failed');
    return failure('internal', 'the console failed to answer; its log has the details');
  }
}

function isToolAnswer(value: unknown): value is ToolAnswer {
  return value !== null && typeof value === 'object' && Array.isArray((value as ToolAnswer).content);
}
