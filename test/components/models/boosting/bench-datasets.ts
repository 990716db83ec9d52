/**
 * Quality and timing on real datasets (benchmark, not a test): default parameters, fixed 75/25
 * seeded split from datasets/<name>.split.json. Reports process CPU time next to wall time.
 *
 * Run: npx tsx test/components/models/boosting/bench-datasets.ts breast_cancer digits letter ...
 */
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from '../../../../src/components/models/boosting/index.ts';
import { argmaxRows } from '../../../../src/components/matrix.ts';
import { accuracy, balancedAccuracy, loadSplit, rSquared } from './load.ts';

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

for (const name of process.argv.slice(2)) {
  const data = loadSplit(name);
  const cpu = cpuMs();
  const wall = performance.now();
  let quality: string;
  let rounds: number;
  if (data.classes.length > 0) {
    const model = new HistGradientBoostingClassifier({ seed: 0 });
    model.fit(data.train.x, data.train.labels, data.classes.length);
    const predicted = argmaxRows(model.predictProba(data.test.x));
    quality = `accuracy ${accuracy(data.test.labels, predicted).toFixed(4)}, balanced ${balancedAccuracy(data.test.labels, predicted, data.classes.length).toFixed(4)}`;
    rounds = model.nIterations;
  } else {
    const model = new HistGradientBoostingRegressor({ seed: 0 });
    model.fit(data.train.x, data.train.target);
    quality = `R² ${rSquared(data.test.target, model.predict(data.test.x)).toFixed(4)}`;
    rounds = model.nIterations;
  }
  console.log(`${name} (${data.train.x.nRows} train rows): ${quality}, ${rounds} rounds, fit+predict cpu ${(cpuMs() - cpu).toFixed(0)} ms, wall ${(performance.now() - wall).toFixed(0)} ms`);
}
