/**
 * Vitest file order: the default one, except that files which freeze a broker (withBrokerFrozen) run last. A client
 * that had a broker stall keeps a stale channel to it for about two minutes (mqadmin then counts it twice and gets
 * no running info through it), so suites that read clients must not run in that shadow. Among the freezing files,
 * one marked READS_CLIENTS_BEFORE_IT_FREEZES goes first and those marked FREEZES_WITHOUT_CLIENTS last:
 * reset.live.test.ts starts by having an online 4.9 client replay its messages (the broker relays the reset to the
 * client), which a broker frozen less than two minutes before leaves half done: the relay goes down a stale channel.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class FreezingLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const freezes = (f: TestSpecification) => /\bwithBrokerFrozen\(/.test(readFileSync(f.moduleId, 'utf8'));
    const clientless = (f: TestSpecification) => readFileSync(f.moduleId, 'utf8').includes('FREEZES_WITHOUT_CLIENTS');
    const clientsFirst = (f: TestSpecification) => readFileSync(f.moduleId, 'utf8').includes('READS_CLIENTS_BEFORE_IT_FREEZES');
    const rank = (f: TestSpecification) => (clientsFirst(f) ? -1 : clientless(f) ? 1 : 0);
    const last = sorted.filter(freezes).sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
    return [...sorted.filter((f) => !freezes(f)), ...last];
  }
}
