import { createLoader, parseAsInteger, parseAsString, parseAsStringLiteral, type inferParserType } from 'nuqs/server';
import { apiQuery } from '../urlState';

/** URL state of the group list, typed; the server page and the client view parse the same URL with these. */
export const groupListParams = {
  search: parseAsString.withDefault(''),
  system: parseAsStringLiteral(['show', 'hide'] as const).withDefault('hide'),
  sort: parseAsString.withDefault('-lag'),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsInteger.withDefault(50),
};
export type GroupListState = inferParserType<typeof groupListParams>;

export const loadGroupListState = createLoader(groupListParams);

/** The API query of a state: the server's first render and the browser build the same string, so the first page is reused. */
export function groupListQuery(state: GroupListState): string {
  return apiQuery(state);
}

