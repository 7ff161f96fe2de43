/**
 * npm run reliability [-- --inputs N --seed S]: each reliability check, what was tried, what held, the figure and the
 * goal, in one table: the decoders under mutation, and every route under bad path parameters and bodies.
 */
import { fuzzDecoders } from './fuzz';
import { loginFigures } from './login';
import { badInputFigures } from './routes';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

const inputs = arg('inputs', 1_000_000);
const fuzz = await fuzzDecoders({ inputs, seed: arg('seed', 1), slowMs: 100 });
const routes = await badInputFigures();
const login = await loginFigures();
const rows = [
  ['decoders under mutation', `${fuzz.inputs.toLocaleString('en-US')} inputs over ${fuzz.targets} decoder × fixture targets`, `${fuzz.decoded.toLocaleString('en-US')} decoded, ${fuzz.refused.toLocaleString('en-US')} refused with a typed error`, `${fuzz.crashCount} runtime faults`, '0'],
  ['  time per input', 'bound 100 ms + 250 ms per MiB of input', `${fuzz.slow} over the bound`, `slowest ${fuzz.slowestMs.toFixed(1)} ms (${fuzz.slowest ? `${(fuzz.slowest.bytes / 1024).toFixed(0)} KiB, ${fuzz.slowest.mutation}` : '-'})`, '0 over'],
  ['  memory', 'length fields at 2^31, 2^32-1, past the end', 'no large allocation', `peak RSS ${fuzz.peakRssMb} MB`, '< 1024 MB'],
  ['  run time', '', '', `${(fuzz.ms / 1000).toFixed(1)} s (${Math.round(fuzz.inputs / (fuzz.ms / 1000)).toLocaleString('en-US')} inputs/s)`, ''],
  ['routes under bad input', `${routes.requests.toLocaleString('en-US')} requests to ${routes.handlers} handlers of ${routes.routes} routes`, `${routes.held} a 4xx naming what was wrong, no stack`, `${routes.failures.length} not`, '0'],
  ['  broker calls', 'a loopback namesrv counting bytes', '', `${routes.brokerBytes} bytes reached it`, '0'],
  ['password guessing, one address', `${login.single.attempts} wrong passwords for admin in ${(login.single.ms / 1000).toFixed(1)} s`, `${login.single.refused} refused at once (429), the right password too: ${login.single.rightPasswordRefused ? 'yes' : 'NO'}`, `${login.single.checked} reached the password check`, `${login.maxFailures} per ${login.windowS} s`],
  ['password guessing, spread', `${login.spread.attempts} guesses from ${login.spread.addresses} addresses`, 'limited per address, not per user', `${login.spread.checked} reached the password check, ${login.checkMs} ms each (scrypt)`, 'every guess costs a check'],
];
const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...[['check', 'tried', 'held', 'figure', 'goal'], ...rows].map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(['check', 'tried', 'held', 'figure', 'goal']));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
for (const f of routes.failures.slice(0, 10)) console.log(`route: ${f}`);
for (const c of fuzz.crashes.slice(0, 10)) console.log(`fault: ${c.target} (${c.mutation}): ${c.error} [${c.sample}]`);
if (fuzz.skipped.length > 0) console.log(`not fuzzed (need more than a reply): ${fuzz.skipped.join(', ')}`);
process.exitCode = fuzz.crashCount > 0 || fuzz.slow > 0 || routes.failures.length > 0 || routes.brokerBytes > 0 || login.single.checked > login.maxFailures || !login.single.rightPasswordRefused ? 1 : 0;
