/** URL state of the group list, shared by the server page (first render) and the client view. */
export const GROUP_LIST_DEFAULTS = { search: '', system: 'hide', sort: '-lag', page: '1', pageSize: '50' };
export type GroupListState = typeof GROUP_LIST_DEFAULTS;

export function groupListState(params: Record<string, string | undefined>): GroupListState {
  const state = { ...GROUP_LIST_DEFAULTS };
  for (const key of Object.keys(state) as Array<keyof GroupListState>) {
    const value = params[key];
    if (value !== undefined) state[key] = value;
  }
  return state;
}

export function groupListQueryString(state: GroupListState): string {
  return new URLSearchParams(
    Object.entries(state).filter(([k, v]) => k === 'system' || (v !== '' && v !== GROUP_LIST_DEFAULTS[k as keyof GroupListState])),
  ).toString();
}
