import { NextResponse } from 'next/server';
import { errorAnswer } from '@/lib/console/core/errors';
import type { Logger } from '@/lib/console/core/log';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

/** Any failure as the API's JSON error: 400 naming the field, 404, 409, 502/504 naming the broker; 500 otherwise. */
export function errorResponse(error: unknown, log: Logger): NextResponse<ErrorBody> {
  const answer = errorAnswer(error);
  if (answer) return json(answer.status, answer.code, answer.message, answer.field, answer.details);
  log.error({ err: error }, 'unexpected error in an API route');
  return json(500, 'internal', 'the console failed to answer; the server log has the details');
}

export function json(status: number, code: string, message: string, field?: string, details?: unknown): NextResponse<ErrorBody> {
  return NextResponse.json(
    { error: { code, message, ...(field ? { field } : {}), ...(details !== undefined ? { details } : {}) } },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}
