import { expect, test } from '@playwright/test';
import { testPort } from '../test-support/sandbox';
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
  });
});
