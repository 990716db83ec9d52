const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from '../../../../src/components/models/boosting/index.ts';
import { argmaxRows } from '../../../../src/components/matrix.ts';
import { loadSplit, accuracy, balancedAccuracy, rSquared } from './load.ts';
for (const name of process.argv.slice(2)) {
  const d = loadSplit(name);
  const t0 = cpuMs(), w0 = performance.now();
  let q = '';
  if (d.classes.length > 0) {
    const m = new HistGradientBoostingClassifier({ seed: 0 });
    m.fit(d.train.x, d.train.labels, d.classes.length);
    const pred = argmaxRows(m.predictProba(d.test.x));
    q = `acc ${accuracy(d.test.labels, pred).toFixed(4)} bacc ${balancedAccuracy(d.test.labels, pred, d.classes.length).toFixed(4)} iters ${m.nIterations}`;
  } else {
    const m = new HistGradientBoostingRegressor({ seed: 0 });
    m.fit(d.train.x, d.train.target);
    q = `r2 ${rSquared(d.test.target, m.predict(d.test.x)).toFixed(4)} iters ${m.nIterations}`;
  }
  console.log(name, q, `cpu ${(cpuMs() - t0).toFixed(0)} ms wall ${(performance.now() - w0).toFixed(0)} ms`);
}
