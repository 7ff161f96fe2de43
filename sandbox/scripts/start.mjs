// `npm start`: serves the console on http://localhost:$PORT (3000).
// Without NAMESRV_ADDR and CONSOLE_CONFIG it runs two local sandboxes side by side and serves both:
//   - RocketMQ 5.5.0 (RMQ_VERSION), the cluster `local`: fetched once, started, demo traffic seeded once, then a
//     steady producer and a slow online consumer; the console is served as soon as it is up;
//   - RocketMQ 4.9.8 (RMQ_VERSION_V4), the cluster `local-4.9`: started in the background once the console is up,
//     with its own seeded traffic (the console shows it unreachable until then). SANDBOX_V4=0 leaves it out.
//   - SANDBOX_SECURED=1 adds RocketMQ 5.5.0 with access control (ACL 2.0, SANDBOX_AUTH=on), the cluster `secured`,
//     started and seeded in the background like the 4.9.8 one; the console signs as its administrator.
// Ctrl-C stops the console, the traffic and the sandboxes.
// With NAMESRV_ADDR=host:port[;host:port] or CONSOLE_CONFIG=<clusters file> it serves the console only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const scripts = path.join(root, 'sandbox/scripts');
const port = process.env.PORT ?? '3000';
const version = process.env.RMQ_VERSION ?? '5.5.0';
const versionV4 = process.env.RMQ_VERSION_V4 ?? '4.9.8';
const useSandbox = !process.env.NAMESRV_ADDR && !process.env.CONSOLE_CONFIG;
const withV4 = useSandbox && process.env.SANDBOX_V4 !== '0' && !version.startsWith('4');
const versions = withV4 ? [version, versionV4] : [version];
const withSecured = useSandbox && process.env.SANDBOX_SECURED === '1' && !version.startsWith('4');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const say = (msg) => console.log(`[start] ${msg}`);
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
/** Child processes, each the leader of its own process group, so stopping one stops what it started. */
const groups = new Set();
let server;
let stopping = false;

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...env, ...extraEnv } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

function background(args, extraEnv) {
  const child = spawn('bash', args, { stdio: 'inherit', cwd: root, env: { ...env, ...extraEnv }, detached: true });
  groups.add(child);
  child.on('exit', () => groups.delete(child));
  return child;
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

/** The sandbox scripts' own answer: namesrv address and state directory of a version (env.sh). */
function sandboxOf(v, auth = 'off') {
  const out = spawnSync('bash', ['-c', `source "${scripts}/env.sh" && echo "$NAMESRV_ADDR_LOCAL" && echo "$SANDBOX_DIR"`], { env: { ...env, RMQ_VERSION: v, SANDBOX_AUTH: auth }, encoding: 'utf8' });
  const [namesrv, dir] = out.stdout.trim().split('\n');
  if (out.status !== 0 || !namesrv || !dir) throw new Error(`cannot read the sandbox settings of ${v}: ${out.stderr}`);
  return { namesrv, dir, seeded: existsSync(path.join(dir, 'traffic/.seeded')) };
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  say('stopping');
  for (const child of groups) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (useSandbox) {
    await Promise.all(
      [...versions.map((v) => [v, 'off']), ...(withSecured ? [[version, 'on']] : [])].map(
        ([v, auth]) => new Promise((resolve) => spawn('bash', [path.join(scripts, 'stop-cluster.sh'), '--quiet'], { stdio: 'inherit', env: { ...env, RMQ_VERSION: v, SANDBOX_AUTH: auth } }).on('exit', resolve)),
      ),
    );
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

/** The 4.x sandbox, once the console serves the 5.x one: started and seeded in the background. */
function startSecondSandbox() {
  const v4 = sandboxOf(versionV4);
  say(`starting the RocketMQ ${versionV4} sandbox (cluster local-4.9) on ${v4.namesrv} in the background${v4.seeded ? '' : ', then seeding its demo traffic'}`);
  const steps = [`bash "${scripts}/start-cluster.sh"${v4.seeded ? '' : ' --fresh'}`, ...(v4.seeded ? [] : [`bash "${scripts}/traffic.sh"`])];
  const child = background(['-c', steps.join(' && ')], { RMQ_VERSION: versionV4 });
  child.on('exit', (code) => {
    if (stopping) return;
    if (code === 0) say(`RocketMQ ${versionV4} sandbox ready after ${since()}: cluster local-4.9 answers`);
    else say(`the RocketMQ ${versionV4} sandbox did not come up (exit ${code}); the console keeps serving ${version}`);
  });
}

/** The sandbox with access control (SANDBOX_SECURED=1): started and seeded in the background. */
function startSecuredSandbox() {
  const secured = sandboxOf(version, 'on');
  say(`starting the RocketMQ ${version} sandbox with access control (cluster secured) on ${secured.namesrv} in the background`);
  const steps = [`bash "${scripts}/start-cluster.sh"${secured.seeded ? '' : ' --fresh'}`, ...(secured.seeded ? [] : [`bash "${scripts}/traffic.sh"`])];
  const child = background(['-c', steps.join(' && ')], { RMQ_VERSION: version, SANDBOX_AUTH: 'on' });
  child.on('exit', (code) => {
    if (!stopping) say(code === 0 ? `the sandbox with access control is ready after ${since()}: cluster secured answers` : `the sandbox with access control did not come up (exit ${code})`);
  });
}

try {
  if (useSandbox) {
    const main = sandboxOf(version);
    say(`no NAMESRV_ADDR: starting the RocketMQ ${version} sandbox on ${main.namesrv}${main.seeded ? '' : ' (first run: fetching jars, seeding demo traffic)'}`);
    run('bash', [path.join(scripts, 'start-cluster.sh'), ...(main.seeded ? [] : ['--fresh'])], { RMQ_VERSION: version });
    // seeding takes about a minute; the console is served meanwhile
    background([path.join(scripts, 'traffic.sh'), main.seeded ? '--live-only' : '--live'], { RMQ_VERSION: version });
    const file = path.join(root, '.sandbox/console.yaml');
    run('bash', [path.join(scripts, 'console-config.sh'), file, ...versions, ...(withSecured ? [`secured:${version}`] : [])]);
    env.CONSOLE_CONFIG = file;
  }
  buildIfStale();
  // V8 flags from package.json config.consoleNodeOptions (README, Configuration); NODE_OPTIONS overrides them
  const { config } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const serverEnv = { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? config?.consoleNodeOptions ?? '' };
  // AUTH=off: nobody signs in, so the console must not be reachable from another machine
  const authOff = (process.env.AUTH ?? '').trim().toLowerCase() === 'off';
  // next's own bin, not npx: killing npx left its next-server running; a group of its own for the same reason
  server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', port, ...(authOff ? ['-H', '127.0.0.1'] : [])], {
    cwd: root,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  groups.add(server);
  let ready = false;
  server.stdout.on('data', (chunk) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (ready || !/Ready in/.test(text)) return;
    ready = true;
    const serving = useSandbox ? `clusters ${versions.map((v) => (v.startsWith('4') ? 'local-4.9' : 'local')).join(', ')} from ${env.CONSOLE_CONFIG}` : env.CONSOLE_CONFIG ? `clusters of ${env.CONSOLE_CONFIG}` : `namesrv ${env.NAMESRV_ADDR}`;
    say(`RocketMQ console ready at http://localhost:${port} after ${since()} (${serving})`);
    if (authOff) say('sign-in is off (AUTH=off): anyone who reaches the port acts as an admin; bound to 127.0.0.1 only');
    else if (process.env.CONSOLE_ADMIN_PASSWORD) say(`sign in at http://localhost:${port}/login as ${process.env.CONSOLE_ADMIN_USER || 'admin'} with CONSOLE_ADMIN_PASSWORD (the password it set when the store had no user yet)`);
    else say(`sign in at http://localhost:${port}/login: at the first start as ${process.env.CONSOLE_ADMIN_USER || 'admin'} with the one-time password printed above (also in ${path.join(process.env.DATA_DIR || 'data', 'initial-admin-password')}), afterwards with the password you chose`);
    if (withV4) startSecondSandbox();
    if (withSecured) startSecuredSandbox();
  });
  server.on('exit', (code) => void stop(code ?? 1));
} catch (error) {
  console.error(`[start] ${error.message}`);
  void stop(1);
}
