/**
 * Sampling speed on the realistic AutoML space: `npx tsx test/space/bench-sampling.ts [count]`.
 * Prints configurations per wall-clock second and per CPU second (the latter is what the test
 * suite checks, since it does not depend on other processes sharing the machine).
 */
import { Rng } from '../../src/util/rng.ts';
import { buildAutoMLSpace } from './fixture.ts';

const count = Number(process.argv[2] ?? 200_000);
const space = buildAutoMLSpace();
const rng = new Rng(1);
space.sample(rng, 20_000);

for (let round = 1; round <= 3; round++) {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const configs = space.sample(rng, count);
  const wall = (performance.now() - wallStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const activeMean = configs.reduce((sum, c) => sum + Object.keys(c).length, 0) / configs.length;
  console.log(
    `round ${round}: ${count} configurations of ${space.size} hyperparameters (${activeMean.toFixed(1)} active on average): ` +
    `${Math.round(count / wall)}/s wall, ${Math.round(count / cpuSeconds)}/s CPU`,
  );
}
