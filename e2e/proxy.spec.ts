import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { topicStatus } from '../test-support/mqadmin';
import { LIVE, testPort } from '../test-support/sandbox';
import { open } from './support';

// sandbox/scripts/proxy.sh (started by test.sh on 5.x): a rocketmq-proxy and the official gRPC clients through it
const PROXY = `127.0.0.1:${testPort(8180)}`;

test.describe('proxies and gRPC clients', () => {
  test('the cluster page lists the proxy; a POP group\'s page shows its gRPC client through the proxy and says what the brokers cannot tell', async ({ page }) => {
    await open(page, '/clusters/local');
    const proxy = page.getByTestId('proxy-row');
    await expect(proxy).toHaveCount(1);
    await expect(proxy).toContainText(PROXY);
    await expect(proxy).toContainText('seen by the brokers');
    await expect(proxy).toContainText('answers');

    await open(page, '/clusters/local/groups/lab_grpc_simple');
    await expect(page.getByTestId('via-proxy')).toContainText(`connected through the proxy ${PROXY}`);
    await expect(page.getByTestId('via-proxy')).toContainText('the brokers expose no count of them');
    await expect(page.getByTestId('client-row')).toHaveCount(1);
    await expect(page.getByTestId('client-row')).toContainText('gRPC simple consumer (POP)');
    // what the masters count of its pops and acknowledgements (the live test holds them against the client's own count)
    await expect(page.getByTestId('pop-rates')).toContainText('What is popped and not yet acknowledged');
    await expect(page.locator('[data-testid="pop-rate"][data-topic="LabGrpcTopic"]')).toHaveCount(1);
    // its retries go to a POP retry topic per topic, shown beside the plain one
    await expect(page.getByTestId('backlog-pop-retry')).toContainText('%RETRY%lab_grpc_simple_LabGrpcTopic');
    await expect(page.getByTestId('clients-via-proxy')).toContainText('GET_CONSUMER_RUNNING_INFO');
  });

  test('a message the gRPC producer sent: its page counts the gRPC groups\' clients through the proxy and says why it cannot resend to them', async ({ page }) => {
    const msgId = /^sent (01[0-9A-F]{32})$/m.exec(readFileSync(path.join(LIVE.dir, 'proxy', 'grpc-clients.out'), 'utf8'))![1]!;
    await open(page, `/messages/${msgId}?topic=LabGrpcTopic`);
    const push = page.getByTestId('group-track').filter({ hasText: 'lab_grpc_push' });
    await expect(push.getByTestId('track-via-proxy')).toHaveText('1 via proxy');
    const resend = push.getByTestId('resend-via-proxy');
    await expect(resend).toHaveAttribute('aria-disabled', 'true');
    await resend.hover();
    await expect(page.getByRole('tooltip')).toContainText('the proxy does not take CONSUME_MESSAGE_DIRECTLY');

    // the topic the gRPC producer writes: its queues as mqadmin topicStatus lists them, and both gRPC groups on it
    const status = await topicStatus('LabGrpcTopic', LIVE, false);
    await open(page, '/clusters/local/topics/LabGrpcTopic');
    await expect(page.getByTestId('queue-row')).toHaveCount(status.length);
    for (const group of ['lab_grpc_push', 'lab_grpc_simple']) await expect(page.getByTestId('topic-group-row').filter({ hasText: group })).toHaveCount(1);
  });
});
