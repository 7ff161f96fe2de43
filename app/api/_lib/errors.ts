import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { isRemotingError } from '@/lib/remoting';
import { describeFailure, isConsoleError } from '@/lib/console/core/errors';
import type { Logger } from '@/lib/console/core/log';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

/** Any failure as the API's JSON error: 400 naming the field, 404, 409, 502/504 naming the broker; 500 otherwise. */
export function errorResponse(error: unknown, log: Logger): NextResponse<ErrorBody> {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    return json(400, 'bad_input', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`, field);
  }
  if (isConsoleError(error)) return json(error.status, error.code, error.message, error.field, error.details);
  if (isRemotingError(error)) {
    return json(error.kind === 'timeout' ? 504 : 502, error.kind === 'timeout' ? 'broker_timeout' : 'broker_error', describeFailure(error));
  }
  log.error({ err: error }, 'unexpected error in an API route');
  return json(500, 'internal', 'the console failed to answer; the server log has the details');
}

export function json(status: number, code: string, message: string, field?: string, details?: unknown): NextResponse<ErrorBody> {
  return NextResponse.json(
    { error: { code, message, ...(field ? { field } : {}), ...(details !== undefined ? { details } : {}) } },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}
