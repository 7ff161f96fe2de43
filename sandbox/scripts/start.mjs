// `npm start`: serves the console on http://localhost:$PORT (3000).
// Without NAMESRV_ADDR it first fetches the RocketMQ jars (once), starts the loopback sandbox and demo traffic
// (seeded once, then a steady producer and a slow online consumer), and stops all of it on Ctrl-C.
// With NAMESRV_ADDR=host:port[;host:port] it serves the console only, against that cluster.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const scripts = path.join(root, 'sandbox/scripts');
const port = process.env.PORT ?? '3000';
const version = process.env.RMQ_VERSION ?? '5.5.0';
const useSandbox = !process.env.NAMESRV_ADDR;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', RMQ_VERSION: version };
const say = (msg) => console.log(`[start] ${msg}`);
let server;
let traffic;
let stopping = false;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const buildId = path.join(root, '.next/BUILD_ID');
  const sources = Math.max(...['app', 'components', 'lib'].map((d) => newestSource(path.join(root, d))), statSync(path.join(root, 'package.json')).mtimeMs);
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sources) return;
  say('building the console (next build)');
  run('npx', ['next', 'build']);
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  say('stopping');
  server?.kill('SIGTERM');
  traffic?.kill('SIGTERM');
  if (useSandbox) spawnSync('bash', [path.join(scripts, 'stop-cluster.sh')], { stdio: 'inherit', env });
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  if (useSandbox) {
    const sandboxDir = process.env.SANDBOX_DIR ?? path.join(root, '.sandbox', version);
    const seeded = existsSync(path.join(sandboxDir, 'traffic/.seeded'));
    say(`no NAMESRV_ADDR: starting the RocketMQ ${version} sandbox on 127.0.0.1:9876${seeded ? '' : ' (first run: fetching jars, seeding demo traffic)'}`);
    run('bash', [path.join(scripts, 'start-cluster.sh'), ...(seeded ? [] : ['--fresh'])]);
    // seeding takes about a minute; the console is served meanwhile
    traffic = spawn('bash', [path.join(scripts, 'traffic.sh'), seeded ? '--live-only' : '--live'], { stdio: 'inherit', cwd: root, env });
    env.NAMESRV_ADDR = '127.0.0.1:9876';
  }
  buildIfStale();
  // V8 flags from package.json config.consoleNodeOptions (README, Configuration); NODE_OPTIONS overrides them
  const { config } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const serverEnv = { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? config?.consoleNodeOptions ?? '' };
  // AUTH=off: nobody signs in, so the console must not be reachable from another machine
  const authOff = (process.env.AUTH ?? '').trim().toLowerCase() === 'off';
  server = spawn('npx', ['next', 'start', '-p', port, ...(authOff ? ['-H', '127.0.0.1'] : [])], { cwd: root, env: serverEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  server.stdout.on('data', (chunk) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (!/Ready in/.test(text)) return;
    say(`RocketMQ console ready at http://localhost:${port} (namesrv ${env.NAMESRV_ADDR})`);
    if (authOff) say('sign-in is off (AUTH=off): anyone who reaches the port acts as an admin; bound to 127.0.0.1 only');
    else if (process.env.CONSOLE_ADMIN_PASSWORD) say(`sign in at http://localhost:${port}/login as ${process.env.CONSOLE_ADMIN_USER || 'admin'} with CONSOLE_ADMIN_PASSWORD (the password it set when the store had no user yet)`);
    else say(`sign in at http://localhost:${port}/login: at the first start as ${process.env.CONSOLE_ADMIN_USER || 'admin'} with the one-time password printed above (also in ${path.join(process.env.DATA_DIR || 'data', 'initial-admin-password')}), afterwards with the password you chose`);
  });
  server.on('exit', (code) => stop(code ?? 1));
} catch (error) {
  console.error(`[start] ${error.message}`);
  stop(1);
}
