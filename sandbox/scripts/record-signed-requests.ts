/**
 * Records requests the official mqadmin signs (AclClientRPCHook) as byte fixtures for the signing spec
 * (lib/remoting/sign.test.ts): a loopback socket plays the broker, answers every request with success, and keeps
 * the frames of the commands below exactly as they arrived (length field included), in
 * lib/remoting/fixtures/<version>-<case>.request.bin. mqadmin signs with the account of a conf/tools.yml written
 * here (FIXTURE_ACCESS_KEY / FIXTURE_SECRET_KEY, which the spec knows). Needs no sandbox.
 *   RMQ_VERSION=5.5.0 npx tsx sandbox/scripts/record-signed-requests.ts     (and RMQ_VERSION=4.9.8)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FrameSplitter, decodeFrame, encodeFrame } from '../../lib/remoting';
import { FIXTURE_ACCESS_KEY, FIXTURE_SECRET_KEY, SIGNED_CASES } from '../../lib/remoting/fixtures/signed-cases';

const version = process.env.RMQ_VERSION ?? '5.5.0';
const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'lib/remoting/fixtures');

/** A fake broker: answers every request with success and hands each request frame to `seen`. */
function fakeBroker(seen: (whole: Buffer, code: number) => void): Promise<net.Server> {
  const server = net.createServer((socket) => {
    const splitter = new FrameSplitter(64 * 1024 * 1024);
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) =>
      splitter.push(chunk, (frame) => {
        const whole = Buffer.alloc(frame.length + 4);
        whole.writeInt32BE(frame.length, 0);
        frame.copy(whole, 4);
        const request = decodeFrame(frame);
        seen(whole, request.code);
        socket.write(encodeFrame({ code: 0, language: 'JAVA', version: request.version, opaque: request.opaque, flag: 1, extFields: {} }));
      }),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const home = mkdtempSync(path.join(os.tmpdir(), 'signed-requests-'));
mkdirSync(path.join(home, 'conf'), { recursive: true });
// the version's own conf files (4.x mqadmin reads its logback file from rocketmq.home.dir), beside tools.yml
const cache = process.env.RMQ_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'rocketmq-console');
const versionConf = path.join(cache, `rocketmq-${version}`, 'conf');
if (existsSync(versionConf)) for (const f of readdirSync(versionConf)) symlinkSync(path.join(versionConf, f), path.join(home, 'conf', f));
writeFileSync(path.join(home, 'conf/tools.yml'), `accessKey: ${FIXTURE_ACCESS_KEY}\nsecretKey: ${FIXTURE_SECRET_KEY}\n`);
mkdirSync(out, { recursive: true });

for (const c of SIGNED_CASES) {
  let recorded: Buffer | undefined;
  const server = await fakeBroker((whole, code) => {
    if (code === c.code && !recorded) recorded = whole;
  });
  const addr = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  const args = c.mqadmin.map((a) => a.replace('{addr}', addr));
  await new Promise<void>((resolve) => {
    const child = spawn('bash', [path.join(root, 'sandbox/scripts/mqadmin.sh'), ...args, '-n', addr], {
      env: { ...process.env, RMQ_VERSION: version, RMQ_CONF_HOME: home, SANDBOX_AUTH: 'off' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', () => resolve());
  });
  server.close();
  if (!recorded) throw new Error(`${c.name}: mqadmin ${args.join(' ')} sent no request ${c.code}`);
  const file = path.join(out, `${version}-${c.name}.request.bin`);
  writeFileSync(file, recorded);
  console.log(`${path.relative(root, file)}: ${recorded.length} bytes`);
}
