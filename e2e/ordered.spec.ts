import { expect, test } from '@playwright/test';
import { consumerConnection, orderConf } from '../test-support/mqadmin';
import { SANDBOXES } from '../test-support/sandbox';
import { open } from './support';

// traffic.sh makes LabOrderTopic with updateTopic -o true; online-consumers.sh keeps lab_cg_orderly (orderly) on it
test.describe('ordered messages', () => {
  for (const sandbox of [SANDBOXES.v5, SANDBOXES.v4]) {
    test(`shows LabOrderTopic's order config as mqadmin updateOrderConf prints it and lab_cg_orderly's client holding each queue lock (${sandbox.version})`, async ({ page }) => {
      await open(page, `/clusters/${sandbox.cluster}/ordered`);
      await expect(page.getByTestId('order-enabled')).toContainText('orderMessageEnable is on');
      const topic = page.getByTestId('ordered-topic-LabOrderTopic');
      await expect(topic.getByTestId('order-conf')).toHaveText(await orderConf('LabOrderTopic', sandbox));
      const group = topic.getByTestId('ordered-group-lab_cg_orderly');
      await expect(group.getByTestId('orderly')).toHaveText(/^consumes orderly/);
      const clientId = (await consumerConnection('lab_cg_orderly', false, sandbox)).clients[0]!.clientId;
      await expect(group.getByTestId('ordered-queue')).toHaveCount(8);
      await expect(group.getByTestId('lock-holder').filter({ hasText: clientId })).toHaveCount(8);
      await expect(page.getByTestId('ordered-topic-LabTopic')).toHaveCount(0);
    });
  }
});
