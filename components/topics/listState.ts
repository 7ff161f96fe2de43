/** URL state of the topic list, shared by the server page (first render) and the client view. */
export const TOPIC_LIST_DEFAULTS = { search: '', type: '', system: 'hide', sort: 'name', page: '1', pageSize: '25' };
export type TopicListState = typeof TOPIC_LIST_DEFAULTS;

export function topicListState(params: Record<string, string | undefined>): TopicListState {
  const state = { ...TOPIC_LIST_DEFAULTS };
  for (const key of Object.keys(state) as Array<keyof TopicListState>) {
    const value = params[key];
    if (value !== undefined) state[key] = value;
  }
  return state;
}

/** The API query string for a state; `system` is always sent because the API's default could change. */
export function topicListQueryString(state: TopicListState): string {
  return new URLSearchParams(
    Object.entries(state).filter(([k, v]) => k === 'system' || (v !== '' && v !== TOPIC_LIST_DEFAULTS[k as keyof TopicListState])),
  ).toString();
}
