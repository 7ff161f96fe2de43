/**
 * Records reply frames from the live sandbox as byte fixtures for the lib/rocketmq specs (like kafkajs's
 * per-request fixtures). Each case sends one request over a plain socket and writes the reply frame exactly as it
 * arrived (length field included) to lib/rocketmq/<operation>/fixtures/<version>-<case>.bin.
 * It records from the sandbox that runs now (RMQ_VERSION, default 5.5.0, with traffic.sh's data and
 * online-consumers.sh's groups), on the ports env.sh gives that version (or NAMESRV_PORT / BROKER_PORTS):
 *   npx tsx sandbox/scripts/record-fixtures.ts                          every operation
 *   npx tsx sandbox/scripts/record-fixtures.ts get-topic-stats-info     only the named operations
 *   npx tsx sandbox/scripts/record-fixtures.ts pull-message/sql92        only that case
 * `npm run record-fixtures [-- <version>...]` (record-all-fixtures.sh) instead starts a fresh sandbox of each
 * version (default 5.5.0 and 4.9.8) on the 5.x ports, seeds it and records every operation.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FrameSplitter, aclSigner, encodeFrame, type RemotingRequest } from '../../lib/remoting';
import { DEFAULT_PORTS, LIVE, testPort } from '../../test-support/sandbox';
import { FIXTURE_CASES, type FixtureTarget } from './fixture-cases';

const version = LIVE.version;
const SECURED = process.env.SANDBOX_AUTH === 'on';
// on the sandbox with access control every request is signed as its administrator (auth.sh exports the account)
const sign = SECURED ? aclSigner({ accessKey: process.env.SANDBOX_ADMIN_ACCESS_KEY ?? 'rocketmq', secretKey: process.env.SANDBOX_ADMIN_SECRET_KEY ?? '' }) : (r: RemotingRequest) => r;
const namesrv = process.env.NAMESRV_ADDR ?? LIVE.namesrv;
const BINARY_NAMESRV_PORT = testPort(DEFAULT_PORTS.binaryNamesrv);
const targets: Record<FixtureTarget, string> = {
  namesrv,
  'namesrv-binary': `127.0.0.1:${BINARY_NAMESRV_PORT}`,
  'broker-a-master': LIVE.brokerAMaster,
  'broker-a-slave': LIVE.brokerASlave,
  'broker-b-master': LIVE.brokerBMaster,
};
const root = path.resolve(import.meta.dirname, '../../lib/rocketmq');

function record(addr: string, unsigned: RemotingRequest): Promise<Buffer> {
  const request = sign(unsigned);
  const [host, port] = [addr.slice(0, addr.lastIndexOf(':')), Number(addr.slice(addr.lastIndexOf(':') + 1))];
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    const splitter = new FrameSplitter(64 * 1024 * 1024);
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`${addr}: no reply`)); }, 15000);
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(encodeFrame({
        code: request.code, language: 'JAVA', version: request.version ?? 479, opaque: 1, flag: 0,
        extFields: request.extFields ?? {}, body: request.body,
      }));
    });
    socket.on('data', (chunk: Buffer) => {
      splitter.push(chunk, (frame) => {
        clearTimeout(timer);
        const whole = Buffer.alloc(frame.length + 4);
        whole.writeInt32BE(frame.length, 0);
        frame.copy(whole, 4);
        socket.destroy();
        resolve(whole);
      });
    });
  });
}

/**
 * A namesrv started with -Drocketmq.serialize.type=ROCKETMQ answers with binary (ROCKETMQ) headers, which is how
 * we get real bytes of that header format. It lives only while the fixtures are recorded.
 */
async function startBinaryNamesrv(): Promise<ChildProcess> {
  const cache = process.env.RMQ_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'rocketmq-console');
  const home = path.join(cache, `rocketmq-${version}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'binary-namesrv-'));
  writeFileSync(path.join(dir, 'namesrv.conf'), `listenPort=${BINARY_NAMESRV_PORT}\nbindAddress=127.0.0.1\n`);
  const logback = version.startsWith('4') ? [] : ['-Drmq.logback.configurationFile=rmq.namesrv.logback.xml'];
  const child = spawn('java', ['-Xms64m', '-Xmx128m', '-XX:+UseSerialGC', `-Drocketmq.home.dir=${home}`,
    '-Drocketmq.serialize.type=ROCKETMQ', `-Duser.home=${dir}`, ...logback, '-cp', `${home}/lib/*`,
    'org.apache.rocketmq.namesrv.NamesrvStartup', '-c', path.join(dir, 'namesrv.conf')],
    { env: { ...process.env, ROCKETMQ_HOME: home }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('boot success')) resolve(); });
    child.on('exit', (code) => reject(new Error(`binary namesrv exited with ${code}`)));
  });
  return child;
}

const only = process.argv.slice(2);
let written = 0;
let binaryNamesrv: ChildProcess | undefined;
for (const c of FIXTURE_CASES) {
  // an operation records all its cases; operation/name only that one (a running sandbox's state may have moved on)
  if (only.length > 0 && !only.includes(c.operation) && !only.includes(`${c.operation}/${c.name}`)) continue;
  if (c.versions && !c.versions.some((v) => version.startsWith(v))) continue;
  // the cases of the sandbox with access control are recorded from it (SANDBOX_AUTH=on), the others from the plain one
  if (Boolean(c.secured) !== SECURED) continue;
  if (c.target === 'namesrv-binary' && !binaryNamesrv) binaryNamesrv = await startBinaryNamesrv();
  for (const setup of c.setup ?? []) await record(targets[c.target], setup);
  const bytes = await record(targets[c.target], await c.request());
  const dir = path.join(root, c.operation, 'fixtures');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${version}-${c.name}.bin`);
  writeFileSync(file, bytes);
  written++;
  console.log(`${path.relative(process.cwd(), file)}  ${bytes.length} bytes`);
}
binaryNamesrv?.kill('SIGKILL');
console.log(`${written} fixtures recorded from RocketMQ ${version}`);
