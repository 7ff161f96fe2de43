/**
 * Vitest file order: the default one, except that files which freeze a broker (withBrokerFrozen) run last. A client
 * that had a broker stall keeps a stale channel to it for about two minutes (mqadmin then counts it twice and gets
 * no running info through it), so suites that read clients must not run in that shadow. Among the freezing files,
 * those marked FREEZES_WITHOUT_CLIENTS (they read no client themselves) go after the others: reset.live.test.ts
 * starts by replaying an online client's messages, which a broker frozen just before leaves half done.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class FreezingLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const freezes = (f: TestSpecification) => /\bwithBrokerFrozen\(/.test(readFileSync(f.moduleId, 'utf8'));
    const clientless = (f: TestSpecification) => readFileSync(f.moduleId, 'utf8').includes('FREEZES_WITHOUT_CLIENTS');
    const rank = (f: TestSpecification) => (clientless(f) ? 1 : 0);
    const last = sorted.filter(freezes).sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
    return [...sorted.filter((f) => !freezes(f)), ...last];
  }
}
