#!/usr/bin/env node
// Runs BPMN files on the npm package bpmn-engine and prints instances/s as one line of JSON, for the bench's
// `compare` mode (which runs our engine on the same files in the same run).
//
//   node run.js referral [--calls run-child|complete-at-once] [--seconds 5] [--warmup 2] [--routes high,medium,low]
//       the main referral process of ../../workflows with the scenario ../scenarios/referral.json, routes in turn
//   node run.js file <file.bpmn> [--seconds 5] [--warmup 2] [--variables '{"input":1}']
//       any file, with bpmn-engine's own dialect: user tasks and message catches are signalled with no data
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLibrary } from './src/library.js';
import { Host } from './src/host.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const version = JSON.parse(fs.readFileSync(path.join(here, 'node_modules', 'bpmn-engine', 'package.json'), 'utf8')).version;

function parse(argv) {
  const [mode, ...rest] = argv;
  const options = { mode, positional: [] };
  for (let i = 0; i < rest.length; i++) {
    if (rest[i].startsWith('--')) options[rest[i].slice(2)] = rest[++i];
    else options.positional.push(rest[i]);
  }
  return options;
}

// Wall-clock and CPU time of the process, as the C# side measures: CPU time is what one core of its own would give.
async function measure(seconds, runOne) {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const limit = BigInt(Math.round(seconds * 1e9));
  let done = 0;
  while (process.hrtime.bigint() - started < limit) await runOne(done++);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    instances: done,
    seconds: elapsed,
    cpuSeconds,
    perSecond: done / elapsed,
    perCpuSecond: done / cpuSeconds,
    microsecondsEach: (elapsed * 1e6) / done,
  };
}

async function referral(options) {
  const workflows = options.workflows ?? path.join(here, '..', '..', 'workflows');
  const scenario = JSON.parse(fs.readFileSync(options.scenario ?? path.join(here, '..', 'scenarios', 'referral.json'), 'utf8'));
  const wanted = options.routes?.split(',');
  const routes = scenario.routes.filter((r) => !wanted || wanted.includes(r.name));
  const files = fs.readdirSync(workflows).filter((f) => f.endsWith('.bpmn')).sort().map((f) => path.join(workflows, f));
  const library = await loadLibrary(files, 'mw');
  const calls = options.calls ?? 'run-child';
  // Each route once, checked: it must pass the elements the scenario names; its final variables go back to the
  // caller, which compares them with our engine's.
  const variables = {};
  for (const route of routes) {
    const passed = new Set();
    const final = await new Host(library, { scenario, calls, passed }).run(scenario.process, structuredClone(route.start), route);
    const missing = route.mustComplete.filter((id) => !passed.has(id));
    if (missing.length) throw new Error(`Route '${route.name}' did not pass ${missing.join(', ')} on bpmn-engine.`);
    variables[route.name] = withoutEngineKeys(final);
  }
  const host = new Host(library, { scenario, calls });
  const runOne = (i) => {
    const route = routes[i % routes.length];
    return host.run(scenario.process, structuredClone(route.start), route);
  };
  return { workload: `${scenario.process} (${routes.map((r) => r.name).join(', ')} in turn)`, calls, variables, runOne };
}

// bpmn-engine keeps the message that started the process among the variables; it is none of the process's data.
function withoutEngineKeys(variables) {
  const { fields, content, properties, ...rest } = variables;
  return rest;
}

async function file(options) {
  const bpmn = path.resolve(options.positional[0]);
  const library = await loadLibrary([bpmn], 'native');
  const main = [...library.values()][0].executable[0];
  const variables = options.variables ? JSON.parse(options.variables) : {};
  // Once with the elements it passes recorded: the caller checks that our engine passed the same ones.
  const passed = new Set();
  await new Host(library, { passed }).run(main, structuredClone(variables));
  const host = new Host(library);
  return { workload: path.basename(bpmn), process: main, passed: [...passed].sort(), runOne: () => host.run(main, structuredClone(variables)) };
}

async function main() {
  // An instance that waits for something nobody will give leaves Node with nothing to do: say so instead of exiting quietly.
  process.on('beforeExit', () => {
    console.error('bpmn-engine: an instance never ended (it waits for something the bench cannot give, or is stuck).');
    process.exit(1);
  });
  const options = parse(process.argv.slice(2));
  const run = options.mode === 'referral' ? await referral(options) : options.mode === 'file' ? await file(options) : null;
  if (!run) throw new Error('usage: node run.js referral|file ... (see the top of run.js)');
  await measure(Number(options.warmup ?? 2), run.runOne);
  const result = await measure(Number(options.seconds ?? 5), run.runOne);
  const { runOne, ...described } = run;
  console.log(JSON.stringify({ engine: 'bpmn-engine', version, node: process.version, ...described, ...result }));
  process.exit(0);
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exit(1);
});
