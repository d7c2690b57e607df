import { afterAll, afterEach, beforeAll } from 'vitest';
import { openedInThisFile } from './clients.js';
import { type Cluster, startCluster, waitForNoSubscriptions } from './cluster.js';

/**
 * One cluster for a test file, and the clients and subscriptions its tests open. After each test
 * everything it opened is closed and every instance is back to no subscriptions, so a test's
 * `waitForSubscriptions` counts that test's subscriptions, never one an earlier test left open.
 */
export function liveClusterForFile(count: number) {
  const opened = openedInThisFile();
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(count);
  });
  afterEach(async () => {
    await opened.closeAll();
    await Promise.all((cluster?.servers ?? []).map((server) => waitForNoSubscriptions(server.url)));
  });
  afterAll(async () => {
    await opened.closeAll();
    await cluster?.stop();
  });
  return {
    ...opened,
    get cluster(): Cluster {
      if (!cluster) throw new Error('the cluster is started in beforeAll');
      return cluster;
    },
  };
}
