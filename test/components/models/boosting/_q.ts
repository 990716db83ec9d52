const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from '/work/main/src/components/models/boosting/index.ts';
import { argmaxRows } from '/work/main/src/components/matrix.ts';
import { loadSplit, accuracy, balancedAccuracy, rSquared } from '/work/main/test/components/models/boosting/load.ts';
const names = process.argv.slice(2);
for (const name of names) {
  const d = loadSplit(name);
  const t0 = cpuMs();
  if (d.classes.length > 0) {
    const m = new HistGradientBoostingClassifier({ seed: 0 });
    m.fit(d.train.x, d.train.labels, d.classes.length);
    const t1 = cpuMs();
    const pred = argmaxRows(m.predictProba(d.test.x));
    console.log(name, 'acc', accuracy(d.test.labels, pred).toFixed(4), 'bacc', balancedAccuracy(d.test.labels, pred, d.classes.length).toFixed(4), 'iters', m.nIterations, 'fit ms', (t1 - t0).toFixed(0));
  } else {
    const m = new HistGradientBoostingRegressor({ seed: 0 });
    m.fit(d.train.x, d.train.target);
    const t1 = cpuMs();
    console.log(name, 'r2', rSquared(d.test.target, m.predict(d.test.x)).toFixed(4), 'iters', m.nIterations, 'fit ms', (t1 - t0).toFixed(0));
  }
}
