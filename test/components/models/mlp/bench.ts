/**
 * Manual benchmark (not a test): MLP training speed per backend, and prediction speed.
 * Run: npx tsx test/components/models/mlp/bench.ts cpu|wasm [epochs]
 * Reports CPU time per epoch (process.cpuUsage), which is steadier than wall time on a shared
 * machine, next to wall time.
 */
import { selectBackend } from '../../../../src/components/backend/index.ts';
import { MlpClassifier, MlpRegressor, type MlpParams } from '../../../../src/components/models/mlp/index.ts';
import { loadClassification, loadRegression } from './load.ts';

const backend = process.argv[2] === 'wasm' ? 'wasm' : 'cpu';
const epochs = Number(process.argv[3] ?? 5);
const info = await selectBackend(backend);
console.log(`backend ${info.name}: ${info.reason}`);

const configs: Array<[string, Partial<MlpParams>]> = [
  ['1x32 relu b200', { hidden_layer_depth: 1, num_nodes_per_layer: 32, activation: 'relu' }],
  ['1x32 relu b32', { hidden_layer_depth: 1, num_nodes_per_layer: 32, activation: 'relu', batch_size: 32 }],
  ['2x100 tanh b200', { hidden_layer_depth: 2, num_nodes_per_layer: 100, activation: 'tanh' }],
  ['3x264 relu b200', { hidden_layer_depth: 3, num_nodes_per_layer: 264, activation: 'relu' }],
];

function timed(run: () => void): { cpu: number; wall: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall };
}

const fixed = { seed: 1, max_epochs: epochs, n_iter_no_change: 100_000 } as const;
for (const name of ['breast_cancer', 'digits']) {
  const data = loadClassification(name);
  for (const [label, params] of configs) {
    const model = new MlpClassifier({ ...params, ...fixed });
    const t = timed(() => model.fit(data.xTrain, data.yTrain, data.nClasses));
    const p = timed(() => model.predictProba(data.xTest));
    console.log(`${name.padEnd(13)} ${label.padEnd(16)} fit ${(t.cpu / epochs).toFixed(1)} ms cpu/epoch (${(t.wall / epochs).toFixed(1)} wall), predict ${data.xTest.nRows} rows ${p.cpu.toFixed(1)} ms`);
  }
}
const diabetes = loadRegression('diabetes');
for (const [label, params] of configs) {
  const model = new MlpRegressor({ ...params, ...fixed });
  const t = timed(() => model.fit(diabetes.xTrain, diabetes.yTrain));
  console.log(`${'diabetes'.padEnd(13)} ${label.padEnd(16)} fit ${(t.cpu / epochs).toFixed(1)} ms cpu/epoch (${(t.wall / epochs).toFixed(1)} wall)`);
}
