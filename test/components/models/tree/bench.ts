/**
 * Timing of the forests on synthetic data (not a test; run by hand):
 *   npx tsx test/components/models/tree/bench.ts
 * Prints fit and predict times for 100 trees on 10 000 rows × 20 features, and the small
 * surrogate case (10 trees on 500 × 50).
 */
import { RandomForestClassifier, RandomForestRegressor, ExtraTreesClassifier, ExtraTreesRegressor } from '../../../../src/components/models/tree/index.ts';
import { syntheticClassification, syntheticRegression } from './synthetic.ts';

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

const rows = 10_000;
const predictRows = 100_000;
const cls = syntheticClassification(rows, 20, 3, 1);
const clsPredict = syntheticClassification(predictRows, 20, 3, 2);
const reg = syntheticRegression(rows, 20, 3);
const regPredict = syntheticRegression(predictRows, 20, 4);

for (const [name, make] of [
  ['RandomForestClassifier', () => new RandomForestClassifier({ seed: 1 })],
  ['ExtraTreesClassifier', () => new ExtraTreesClassifier({ seed: 1 })],
] as const) {
  const model = make();
  const c0 = process.cpuUsage(); const [, fitMs] = time(() => model.fit(cls.x, cls.y, 3));
  const c1 = process.cpuUsage(); const [, predictMs] = time(() => model.predictProba(clsPredict.x)); const c2 = process.cpuUsage(c1).user / 1000; const c01 = (c1.user - c0.user) / 1000;
  const nodes = model.trees.reduce((s, t) => s + t.nodeCount, 0) / model.trees.length;
  console.log(`${name}: fit ${fitMs.toFixed(0)} ms (cpu ${c01.toFixed(0)}), predict cpu ${c2.toFixed(0)} ms, predict ${predictRows} rows ${predictMs.toFixed(0)} ms (${Math.round(predictRows / (predictMs / 1000))} rows/s), mean nodes/tree ${nodes.toFixed(0)}`);
}
for (const [name, make] of [
  ['RandomForestRegressor', () => new RandomForestRegressor({ seed: 1 })],
  ['ExtraTreesRegressor', () => new ExtraTreesRegressor({ seed: 1 })],
] as const) {
  const model = make();
  const c0 = process.cpuUsage(); const [, fitMs] = time(() => model.fit(reg.x, reg.y));
  const c1 = process.cpuUsage(); const [, predictMs] = time(() => model.predict(regPredict.x)); const c2 = process.cpuUsage(c1).user / 1000; const c01 = (c1.user - c0.user) / 1000;
  const nodes = model.trees.reduce((s, t) => s + t.nodeCount, 0) / model.trees.length;
  console.log(`${name}: fit ${fitMs.toFixed(0)} ms (cpu ${c01.toFixed(0)}), predict cpu ${c2.toFixed(0)} ms, predict ${predictRows} rows ${predictMs.toFixed(0)} ms (${Math.round(predictRows / (predictMs / 1000))} rows/s), mean nodes/tree ${nodes.toFixed(0)}`);
}

const small = syntheticRegression(500, 50, 5);
const timings: number[] = [];
for (let repeat = 0; repeat < 20; repeat++) {
  const model = new RandomForestRegressor({ seed: repeat, n_estimators: 10 });
  timings.push(time(() => model.fit(small.x, small.y))[1]);
}
timings.sort((a, b) => a - b);
console.log(`surrogate RandomForestRegressor 10 trees on 500×50: first fit ${timings[timings.length - 1]!.toFixed(1)} ms, median ${timings[10]!.toFixed(1)} ms`);
