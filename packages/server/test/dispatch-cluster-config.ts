// The alerts configuration dispatch-cluster.test.ts and its child processes share.
import { alertsConfig, type AlertsConfig } from '../src/alerts/index.js';

export function clusterConfig(secretKey: Buffer): AlertsConfig {
  return alertsConfig({
    secretKey,
    publicUrl: 'https://alerts.example.test',
    outboxFile: '/dev/null',
    dispatch: { batchSize: 4 },
  });
}
