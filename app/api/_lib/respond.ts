import { NextResponse } from 'next/server';
import { ZodError, type ZodType } from 'zod';
import { isRemotingError } from '@/lib/remoting';
import { BadInputError, ConsoleError, describeFailure } from '@/lib/console/core/errors';
import { log } from '@/lib/console/core/log';
import { metrics } from '@/lib/console/core/metrics';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

/**
 * Wraps a route handler: its result becomes JSON; every failure becomes a JSON error with the right status.
 * `route` is the route's pattern (e.g. /api/groups/[group]/progress), the label of the request metrics.
 */
export async function respond<T>(route: string, work: () => Promise<T>, method = 'GET'): Promise<NextResponse> {
  const started = performance.now();
  let response: NextResponse;
  try {
    response = NextResponse.json(await work(), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    response = errorResponse(error);
  }
  const m = metrics();
  m.httpRequests.inc({ route, method, status: String(response.status) });
  m.httpDuration.observe({ route }, (performance.now() - started) / 1000);
  return response;
}

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    return json(400, 'bad_input', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`, field);
  }
  if (error instanceof ConsoleError) return json(error.status, error.code, error.message, error.field, error.details);
  if (isRemotingError(error)) {
    return json(error.kind === 'timeout' ? 504 : 502, error.kind === 'timeout' ? 'broker_timeout' : 'broker_error', describeFailure(error));
  }
  log.error({ err: error }, 'unexpected error in an API route');
  return json(500, 'internal', 'the console failed to answer; the server log has the details');
}

function json(status: number, code: string, message: string, field?: string, details?: unknown): NextResponse<ErrorBody> {
  return NextResponse.json(
    { error: { code, message, ...(field ? { field } : {}), ...(details !== undefined ? { details } : {}) } },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

/** Parses a JSON request body with a zod schema; a body that is not JSON is bad input. */
export async function parseBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new BadInputError('the request body is not JSON', 'body');
  }
  return schema.parse(body);
}

/** Parses URL query parameters with a zod schema; unknown parameters are ignored. */
export function parseQuery<T>(url: string, schema: ZodType<T>): T {
  const params = Object.fromEntries(new URL(url).searchParams.entries());
  return schema.parse(params);
}

/** A path segment, decoded; a segment that does not decode is bad input naming the field. */
export function pathParam(value: string, field: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new BadInputError(`${field} is not a valid URL path segment`, field);
  }
}
