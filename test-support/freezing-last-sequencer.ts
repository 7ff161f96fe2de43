/**
 * Vitest file order: the default one, except that files which freeze a broker (withBrokerFrozen) run last. A client
 * that had a broker stall keeps a stale channel to it for about two minutes (mqadmin then counts it twice and gets
 * no running info through it), so suites that read clients must not run in that shadow.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class FreezingLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const freezes = (f: TestSpecification) => /\bwithBrokerFrozen\(/.test(readFileSync(f.moduleId, 'utf8'));
    const last = sorted.filter(freezes).sort((a, b) => a.moduleId.localeCompare(b.moduleId));
    return [...sorted.filter((f) => !freezes(f)), ...last];
  }
}
