import { asArray, asString, optNumber, optObject, optString, type JsonValue } from './fastjson';

/** What a consumer subscribes to on one topic (SubscriptionData), as clients report it in heartbeats. */
export interface SubscriptionData {
  topic: string;
  /** 'TAG' or 'SQL92'. */
  expressionType: string;
  /** The tag expression ("TagA || TagB", "*") or the SQL92 text. */
  subString: string;
  tagsSet: string[];
  subVersion?: number;
}

export function decodeSubscriptionData(value: JsonValue | undefined): SubscriptionData {
  const o = optObject(value) ?? {};
  return {
    topic: asString(o.topic, 'SubscriptionData.topic'),
    expressionType: optString(o.expressionType) ?? 'TAG',
    subString: optString(o.subString) ?? '*',
    tagsSet: asArray(o.tagsSet ?? [], 'tagsSet').map((t) => String(t)),
    subVersion: optNumber(o.subVersion),
  };
}
