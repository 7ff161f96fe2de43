/**
 * `npm run reliability`'s own RocketMQ sandbox (5.5.0, the demo traffic, its own directory and ports): the fault
 * check kills and freezes its processes, so it is never one a test suite or a person is using.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_PORTS, testPort, type Sandbox } from '../test-support/sandbox';

const root = path.resolve(import.meta.dirname, '..');
const scripts = path.join(root, 'sandbox/scripts');

export interface ReliabilitySandbox {
  sandbox: Sandbox;
  /** What the sandbox scripts need to find it (restarting a killed process). */
  env: Record<string, string>;
  stop(): void;
}

export function startReliabilitySandbox(version = process.env.RMQ_VERSION ?? '5.5.0'): ReliabilitySandbox {
  const ports = DEFAULT_PORTS.reliability;
  const [a0, a1, b0] = ports.brokers.map(testPort);
  const namesrvPort = testPort(ports.namesrv);
  const dir = path.join(root, '.sandbox', `reliability-${version}`);
  const env = { RMQ_VERSION: version, SANDBOX_DIR: dir, NAMESRV_PORT: String(namesrvPort), BROKER_PORTS: `${a0} ${a1} ${b0}` };
  const run = (script: string, args: string[] = []) => execFileSync('bash', [path.join(scripts, script), ...args], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  run('start-cluster.sh', ['--fresh']);
  run('traffic.sh');
  return {
    sandbox: {
      version,
      cluster: 'reliability',
      namesrv: `127.0.0.1:${namesrvPort}`,
      brokerAMaster: `127.0.0.1:${a0}`,
      brokerASlave: `127.0.0.1:${a1}`,
      brokerBMaster: `127.0.0.1:${b0}`,
      isV5: !version.startsWith('4'),
      dir,
      auth: false,
    },
    env,
    stop: () => run('stop-cluster.sh'),
  };
}
