/** Client-side access to the console's HTTP API (the same routes operators' scripts use). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The API answered 404: the thing asked about does not exist (the page says so once, not every panel). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers } });
  } catch {
    throw new ApiError(0, 'network', 'the console server did not answer (is it running?)');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(response.status, 'bad_response', `unexpected answer from ${url} (HTTP ${response.status})`);
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; field?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'error', error?.message ?? `HTTP ${response.status}`, error?.field, error?.details);
  }
  return body as T;
}

/** POST with a JSON body (or none), answered with JSON. */
export function postJson<T>(url: string, body?: unknown): Promise<T> {
  return fetchJson<T>(url, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

/** The message of any error a query or mutation failed with. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
