import { describe, expect, it } from 'vitest';
import { PreviewStore } from './previews';

describe('kept previews', () => {
  it('a plan marked as prepared by an assistant says so until it is dropped or expires', () => {
    const store = new PreviewStore<{ group: string }>(1000);
    const kept = store.save({ group: 'g' }, 10_000);
    expect(store.preparedBy(kept.previewId)).toBeUndefined();
    store.markPrepared(kept.previewId, { user: 'ann', via: 'mcp' });
    expect(store.preparedBy(kept.previewId)).toEqual({ user: 'ann', via: 'mcp' });
    store.markPrepared('no-such-id', { user: 'ann', via: 'mcp' });
    expect(store.preparedBy('no-such-id')).toBeUndefined();
    store.drop(kept.previewId);
    expect(store.preparedBy(kept.previewId)).toBeUndefined();

    const old = store.save({ group: 'h' }, 10_000);
    store.markPrepared(old.previewId, { user: 'bob', via: 'mcp' });
    // the next save sweeps what expired, its mark with it
    store.save({ group: 'i' }, 12_000);
    expect(store.get(old.previewId, 12_000)).toBeUndefined();
    expect(store.preparedBy(old.previewId)).toBeUndefined();
  });
});
