import { z } from 'zod';
import type { Cut } from '../answer';

/**
 * The arguments tools share. Only their shape is checked here: each tool hands them to the HTTP API's own schema
 * or use case, which names a bad field the same way for every door.
 */
export const cluster = z.string().optional().describe('cluster name (default: the console\'s first cluster)');
export const topic = z.string().describe('topic name');
export const group = z.string().describe('consumer group name');
export const page = z.number().int().optional().describe('page number, from 1');
export const pageSize = z.number().int().optional().describe('rows per page (at most 500)');

/** The given arguments as the string query the API's schemas read (absent ones left out). */
export function queryOf(args: Record<string, unknown>, keys: string[]): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of keys) {
    const value = args[key];
    if (value !== undefined && value !== null && value !== '') query[key] = String(value);
  }
  return query;
}

/** A paged answer's MORE marker: which page this was of how many rows, and the page to ask for next. */
export function paged(path: string, list: { items: unknown[]; total: number; page: number; pageSize: number }, what: string): Cut {
  const shown = (list.page - 1) * list.pageSize + list.items.length;
  return { path, shown, total: list.total, next: `call again with page=${list.page + 1} for the next ${list.pageSize} ${what}` };
}
