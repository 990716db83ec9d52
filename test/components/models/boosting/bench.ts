/**
 * Timing benchmark, not a test: fit and prediction speed of the boosted trees on seeded
 * synthetic data. Reports process CPU time next to wall time, since wall time on a shared
 * machine says more about the neighbours than about the code.
 *
 * Run: npx tsx test/components/models/boosting/bench.ts [rows]
 */
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { Rng } from '../../../../src/util/rng.ts';
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from '../../../../src/components/models/boosting/index.ts';

function synthetic(nRows: number, nFeatures: number, seed: number): { x: FeatureMatrix; score: Float64Array } {
  const rng = new Rng(seed);
  const columns = Array.from({ length: nFeatures }, () => {
    const column = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) column[i] = rng.normal();
    return column;
  });
  const score = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    score[i] = columns[0]![i]! + 0.5 * columns[1]![i]! * columns[2]![i]! + Math.sin(2 * columns[3]![i]!) + 0.3 * rng.normal();
  }
  return { x: { nRows, columns }, score };
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function measure(label: string, run: () => void, rows?: number): void {
  const wall = performance.now();
  const cpu = cpuMs();
  run();
  const cpuTime = cpuMs() - cpu;
  const wallTime = performance.now() - wall;
  const rate = rows === undefined ? '' : `, ${Math.round((rows / cpuTime) * 1000)} rows/s (cpu)`;
  console.log(`${label}: cpu ${cpuTime.toFixed(0)} ms, wall ${wallTime.toFixed(0)} ms${rate}`);
}

const nRows = Number(process.argv[2] ?? 10_000);
const { x, score } = synthetic(nRows, 20, 1);
const binary = Int32Array.from(score, (s) => (s > 0 ? 1 : 0));
const tenClasses = Int32Array.from(score, (s) => Math.max(0, Math.min(9, Math.floor((s + 2.5) * 2))));
const params = { early_stopping: false, seed: 0 } as const;

const binaryModel = new HistGradientBoostingClassifier(params);
measure(`binary fit ${nRows}x20, 100 rounds`, () => binaryModel.fit(x, binary, 2));
const regressor = new HistGradientBoostingRegressor(params);
measure(`regression fit ${nRows}x20, 100 rounds`, () => regressor.fit(x, score));
const multiclass = new HistGradientBoostingClassifier(params);
measure(`10-class fit ${nRows}x20, 100 rounds`, () => multiclass.fit(x, tenClasses, 10));

const big = synthetic(200_000, 20, 2).x;
measure('binary predict 200k rows, 100 trees', () => binaryModel.predictProba(big), big.nRows);
measure('regression predict 200k rows, 100 trees', () => regressor.predict(big), big.nRows);
measure('10-class predict 200k rows, 1000 trees', () => multiclass.predictProba(big), big.nRows);
