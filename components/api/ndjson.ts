import { ApiError } from './client';

/** The JSON error of a request that was refused before its stream started. */
export async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; field?: string; details?: unknown } };
    return new ApiError(response.status, body.error?.code ?? 'error', body.error?.message ?? `HTTP ${response.status}`, body.error?.field, body.error?.details);
  } catch {
    return new ApiError(response.status, 'bad_response', `unexpected answer (HTTP ${response.status})`);
  }
}

/** One line of NDJSON after another, as the bytes arrive. */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) yield line;
      nl = buffer.indexOf('\n');
    }
  }
  if (buffer.trim()) yield buffer.trim();
}
