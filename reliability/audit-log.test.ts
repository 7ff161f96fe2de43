import { describe, expect, it } from 'vitest';
import { auditWriters } from './audit-log';

describe('the audit log is append-only in the code', () => {
  it('has no statement in lib/ or app/ that updates or deletes an audit row', () => {
    const { files, writers } = auditWriters();
    expect(files).toBeGreaterThan(200);
    expect(writers).toEqual([]);
  });
});
