import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { brokerStatus, consumerProgress, topicStatus } from '../../../test-support/mqadmin';
import { sentOne } from '../../../test-support/mqadmin-messages';
import { LIVE, sandboxPid, waitProcessGone } from '../../../test-support/sandbox';
import { until } from '../../../test-support/wait';
import { liveConsole } from '../../../test-support/live-console';
import { getGroupProgress } from '../groups/progress';
import { getMessageDetail } from '../messages/detail';
import { getTopicStatus } from '../topics/detail';
import { getHaOverview } from './overview';

const scripts = path.resolve(import.meta.dirname, '../../../sandbox/scripts');
const run = promisify(execFile);

describe(`high availability (${LIVE.version})`, () => {
  const { ctx, admin } = liveConsole({ requestTimeoutMs: 3000, fanOutDeadlineMs: 5000 });
  let stopped: number | undefined;
  afterAll(async () => {
    if (stopped === undefined) return;
    // start-cluster.sh takes a pid that still answers for a running broker: wait until the killed one is gone
    await waitProcessGone(stopped);
    // bring broker-a's master back (start-cluster.sh starts only what is not running) and let the clients settle
    const env = { ...process.env, RMQ_VERSION: LIVE.version, SANDBOX_DIR: LIVE.dir };
    await run('bash', [path.join(scripts, 'start-cluster.sh')], { env });
    await run(path.join(process.cwd(), 'node_modules/.bin/tsx'), [path.join(scripts, 'wait-consumers.ts'), LIVE.namesrv, 'lab_cg_online:caught-up', 'lab_cg_broadcast', 'lab_cg_orderly'], { env });
  }, 240_000);

  it('shows each master and slave with the commit-log offsets of mqadmin brokerStatus, and how far the slave is behind', async () => {
    const overview = await getHaOverview(ctx);
    expect(overview.groups.map((g) => [g.brokerName, g.masterDown, g.replicas.map((r) => r.role)])).toEqual([
      ['broker-a', false, ['master', 'slave']],
      ['broker-b', false, ['master']],
    ]);
    const a = overview.groups[0]!;
    const [masterStatus, slaveStatus] = await Promise.all([brokerStatus(LIVE.brokerAMaster, false), brokerStatus(LIVE.brokerASlave, false)]);
    const after = (await getHaOverview(ctx)).groups[0]!.replicas;
    const [master, slave] = a.replicas;
    // on 5.x the proxy's heartbeat syncer and the POP consumer's checkpoints keep writing a little: mqadmin's reading
    // lies between ours before and after it (equal when nothing was written meanwhile)
    const between = (theirs: number, before: number, later: number, what: string) => {
      expect(theirs, what).toBeGreaterThanOrEqual(before);
      expect(theirs, what).toBeLessThanOrEqual(later);
    };
    between(Number(masterStatus.commitLogMaxOffset), master!.commitLogMaxOffset!, after[0]!.commitLogMaxOffset!, 'master commitLogMaxOffset');
    between(Number(slaveStatus.commitLogMaxOffset), slave!.commitLogMaxOffset!, after[1]!.commitLogMaxOffset!, 'slave commitLogMaxOffset');
    // the slave keeps up: at most what was written between the reads, and no time behind when no byte is
    expect(slave!.behindBytes).toBeGreaterThanOrEqual(0);
    expect(slave!.behindBytes).toBeLessThanOrEqual(after[0]!.commitLogMaxOffset! - slave!.commitLogMaxOffset!);
    if (slave!.behindBytes === 0) expect(slave!.behindMs).toBe(0);
    if (LIVE.isV5) expect(slave).toMatchObject({ inSync: true, source: 'ha-status' });
    else expect(slave).toMatchObject({ inSync: undefined, source: 'offsets' });
    expect(a.readsFrom).toBe(LIVE.brokerAMaster);
    expect(a.controllerMode).toBe(false);
  });

  it('with broker-a\'s master stopped: says so, reads topic status, lag and messages from the slave as mqadmin does, and names what waits for the master', async () => {
    await getHaOverview(ctx); // the console has seen the master
    stopped = sandboxPid('broker-a-0');
    process.kill(stopped, 'SIGKILL');
    await until('the namesrv to drop broker-a\'s master', async () => {
      const info = await admin.clusterInfoCached(0);
      return info.brokers.get('broker-a')?.brokerAddrs.has(0) === false ? true : undefined;
    });
    const overview = await getHaOverview(ctx);
    const a = overview.groups.find((g) => g.brokerName === 'broker-a')!;
    expect(a).toMatchObject({ masterDown: true, readsFrom: LIVE.brokerASlave, lastSeenMaster: { addr: LIVE.brokerAMaster } });
    expect(a.replicas.map((r) => r.role)).toEqual(['slave']);
    expect(a.unavailable.join(' ')).toMatch(/sending to its queues/);

    // topic status: broker-a's queues from the slave, as mqadmin topicStatus (which also falls back to a replica). A 5.x
    // namesrv routes the broker group again once its slave re-registers, within its 30 s heartbeat
    const key = (q: { brokerName: string; queueId: number }) => `${q.brokerName}/${q.queueId}`;
    const ours = await until('LabTopic\'s route to list broker-a\'s slave', async () => {
      const status = await getTopicStatus(ctx, { topic: 'LabTopic' });
      return status.queues.some((q) => q.brokerName === 'broker-a') ? status : undefined;
    });
    const theirs = await topicStatus('LabTopic', LIVE, false);
    const oursA = ours.queues.filter((q) => q.brokerName === 'broker-a').map((q) => [key(q), q.minOffset, q.maxOffset]);
    expect(oursA).toHaveLength(4);
    expect(oursA).toEqual(theirs.filter((r) => r.brokerName === 'broker-a').map((r) => [key(r), r.minOffset, r.maxOffset]));

    // lag of an offline group on broker-a, from the slave: a 4.9 slave has the offsets (it syncs them from its master)
    // and gives mqadmin consumerProgress's rows; a 5.x slave has none, so the lag there is unknown and the page says it
    // waits for the master (mqadmin prints consumer offset 0 for those queues, which is not what the group committed)
    const progress = await getGroupProgress(ctx, { group: 'lab_cg_cluster' });
    const lagA = progress.queues.filter((q) => q.topic === 'LabTopic' && q.brokerName === 'broker-a').map((q) => [key(q), q.brokerOffset, q.consumerOffset]);
    if (LIVE.isV5) {
      expect(lagA).toEqual([]);
      expect(progress.failures).toEqual([expect.objectContaining({ brokerName: 'broker-a', addr: LIVE.brokerASlave, error: expect.stringContaining('holds no consumer offsets') })]);
      expect(a.unavailable.join(' ')).toMatch(/5\.x slave keeps no consumer offsets/);
    } else {
      const mq = await consumerProgress('lab_cg_cluster', 'LabTopic', false);
      expect(lagA).toHaveLength(4);
      expect(lagA).toEqual(mq.rows.filter((r) => r.brokerName === 'broker-a').map((r) => [key(r), r.brokerOffset, r.consumerOffset]));
      expect(a.unavailable.join(' ')).not.toMatch(/keeps no consumer offsets/);
    }

    // a message stored on broker-a, found by its client msgId in the slave's index
    const sent = sentOne('normal', (m) => m.brokerName === 'broker-a');
    const detail = await getMessageDetail(ctx, { msgId: sent.msgId, topic: 'LabTopic', bodies: true });
    expect(detail.message).toMatchObject({ brokerName: 'broker-a', queueId: sent.queueId, queueOffset: sent.queueOffset });
  }, 180_000);
});
