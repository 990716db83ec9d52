/**
 * `npm run bench:space`: configurations per second sampled from the default spaces in pipelines/
 * (wall clock and CPU time), plus encode and neighbourhood throughput used by the optimiser.
 */
import { fileURLToPath } from 'node:url';
import { readSpaceFile } from '../components/pipeline-spaces.ts';
import { Rng } from '../util/rng.ts';

const PIPELINES = fileURLToPath(new URL('../../pipelines/', import.meta.url));
const COUNT = Number(process.argv[2] ?? 100_000);

function measure(label: string, work: () => number): void {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const items = work();
  const cpu = process.cpuUsage(cpuStart);
  const wall = (performance.now() - wallStart) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(`${label.padEnd(44)} ${Math.round(items / wall).toLocaleString('en').padStart(10)} /s wall  ${Math.round(items / cpuSeconds).toLocaleString('en').padStart(10)} /s cpu\n`);
}

for (const [file, task] of [['classification.json', 'multiclass'], ['regression.json', 'regression']] as const) {
  const space = readSpaceFile(`${PIPELINES}${file}`, task);
  space.sample(new Rng(0), 1000); // warm-up: compile the space and JIT the sampler
  measure(`${file} sample (${space.size} hyperparameters)`, () => space.sample(new Rng(1), COUNT).length);
  const configs = space.sample(new Rng(2), 20_000);
  measure(`${file} encode`, () => {
    for (const config of configs) space.encode(config);
    return configs.length;
  });
  const rng = new Rng(3);
  measure(`${file} one-exchange neighbourhoods`, () => {
    for (const config of configs.slice(0, 2000)) space.neighbours(config, rng);
    return 2000;
  });
}
