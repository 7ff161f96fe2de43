import { getAdmin } from '../core/admin';
import { getStore } from '../store';
import { LOCAL_ACTOR } from '../reset/queries';
import { searchByKey, type KeySearch } from './by-key';
import { getMessageDetail } from './detail';
import { findMessageById } from './lookup';
import { applyResend, previewResend, type ResendRequest } from './resend';
import { getMessageTrace, getTracesByKey } from '../traces/trace';

export const messageDetail = (id: string, topic?: string) => getMessageDetail(getAdmin(), id, topic);
export const messageLookup = (id: string, topic?: string) => findMessageById(getAdmin(), id, topic);
export const messagesByKey = (search: KeySearch) => searchByKey(getAdmin(), search);
export const messageTrace = (id: string, topic?: string) => getMessageTrace(getAdmin(), id, topic);
export const tracesByKey = (key: string, topic?: string) => getTracesByKey(getAdmin(), key, topic);
export const resendPreview = (request: ResendRequest) => previewResend(getAdmin(), request);
export const resendApply = async (previewId: string, confirm: unknown) => applyResend({ admin: getAdmin(), store: await getStore(), actor: LOCAL_ACTOR }, previewId, confirm);
