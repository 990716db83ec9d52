/**
 * Timing of the forests on seeded synthetic data (not a test; run by hand):
 *   npx tsx test/components/models/tree/bench.ts
 * Fits 100 trees on 10 000 rows × 20 features and predicts 100 000 rows, for the four forests,
 * then times the optimiser's surrogate case (10 trees on 500 × 50). Reports process CPU time
 * (less disturbed than wall time when the machine is shared) and wall time, plus a fixed
 * arithmetic loop as a yardstick of how fast the machine is running at that moment.
 */
import {
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
} from '../../../../src/components/models/tree/index.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { syntheticClassification, syntheticRegression } from './synthetic.ts';

interface Timing {
  readonly cpuMs: number;
  readonly wallMs: number;
}

function time(run: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  run();
  return { cpuMs: process.cpuUsage(cpu).user / 1000, wallMs: performance.now() - wall };
}

function addAll(values: Float64Array, rounds: number): number {
  let sum = 0;
  for (let r = 0; r < rounds; r++) for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum;
}

function yardstick(): number {
  const values = Float64Array.from({ length: 1_000_000 }, (_, i) => Math.sin(i));
  addAll(values, 3);
  return time(() => addAll(values, 100)).cpuMs;
}

const rows = 10_000;
const predictRows = 100_000;
const cls = syntheticClassification(rows, 20, 3, 1);
const clsPredict = syntheticClassification(predictRows, 20, 3, 2);
const reg = syntheticRegression(rows, 20, 3);
const regPredict = syntheticRegression(predictRows, 20, 4);

function report(name: string, fit: Timing, predict: Timing, nodes: number): void {
  const rate = (ms: number): string => `${Math.round(predictRows / (ms / 1000)).toLocaleString('en')} rows/s`;
  console.log(
    `${name}: fit ${fit.cpuMs.toFixed(0)} ms CPU (${fit.wallMs.toFixed(0)} wall); ` +
      `predict ${predictRows} rows ${predict.cpuMs.toFixed(0)} ms CPU = ${rate(predict.cpuMs)} (${rate(predict.wallMs)} wall); ` +
      `${nodes.toFixed(0)} nodes/tree`,
  );
}

console.log(`yardstick: 1e8 dependent additions in ${yardstick().toFixed(0)} ms CPU (about 130 ms on an idle 3 GHz core)`);
const only = process.argv[2];
for (const [name, make] of [
  ['RandomForestClassifier', () => new RandomForestClassifier({ seed: 1 })],
  ['ExtraTreesClassifier', () => new ExtraTreesClassifier({ seed: 1 })],
] as const) {
  if (only !== undefined && !name.includes(only)) continue;
  const model = make();
  const fit = time(() => model.fit(cls.x, cls.y, 3));
  const predict = time(() => model.predictProba(clsPredict.x));
  report(name, fit, predict, model.trees.reduce((s, t) => s + t.nodeCount, 0) / model.trees.length);
}
for (const [name, make] of [
  ['RandomForestRegressor', () => new RandomForestRegressor({ seed: 1 })],
  ['ExtraTreesRegressor', () => new ExtraTreesRegressor({ seed: 1 })],
] as const) {
  if (only !== undefined && !name.includes(only)) continue;
  const model = make();
  const fit = time(() => model.fit(reg.x, reg.y));
  const predict = time(() => model.predict(regPredict.x));
  report(name, fit, predict, model.trees.reduce((s, t) => s + t.nodeCount, 0) / model.trees.length);
}

const small: { x: FeatureMatrix; y: Float64Array } = syntheticRegression(500, 50, 5);
const fits = Array.from({ length: 21 }, (_, seed) => time(() => new RandomForestRegressor({ seed, n_estimators: 10 }).fit(small.x, small.y)).cpuMs);
const sorted = fits.slice(1).sort((a, b) => a - b);
console.log(`surrogate RandomForestRegressor(10 trees) on 500×50: first fit ${fits[0]!.toFixed(1)} ms, median of next 20 ${sorted[10]!.toFixed(1)} ms CPU`);
console.log(`yardstick again: ${yardstick().toFixed(0)} ms CPU`);
