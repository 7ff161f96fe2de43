import { createLoader, parseAsInteger, parseAsString, parseAsStringLiteral, type inferParserType } from 'nuqs/server';
import { apiQuery } from '../urlState';

/** URL state of the topic list, typed; the server page and the client view parse the same URL with these. */
export const topicListParams = {
  search: parseAsString.withDefault(''),
  type: parseAsString.withDefault(''),
  system: parseAsStringLiteral(['show', 'hide'] as const).withDefault('hide'),
  sort: parseAsString.withDefault('name'),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsInteger.withDefault(25),
};
export type TopicListState = inferParserType<typeof topicListParams>;

export const loadTopicListState = createLoader(topicListParams);

export function topicListQuery(state: TopicListState): string {
  return apiQuery(state);
}
