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

// Prediction: the model's plain-JS forward pass against a tfjs forward pass in row chunks of
// 32 (tfjs-layers' default predict batch size) and 4096, on 20 000 synthetic rows.
{
  const { trainingTf } = await import('../../../../src/components/backend/index.ts');
  const { forward } = await import('../../../../src/components/models/mlp/network.ts');
  const { initialNetwork, layerSizes } = await import('../../../../src/components/models/mlp/init.ts');
  const { Rng } = await import('../../../../src/util/rng.ts');
  const { tf } = trainingTf();
  const rng = new Rng(7);
  const nRows = 20_000;
  const nIn = 64;
  const x = { nRows, columns: Array.from({ length: nIn }, () => Float64Array.from({ length: nRows }, () => rng.normal())) };
  const rowMajor = new Float32Array(nRows * nIn);
  for (let j = 0; j < nIn; j++) for (let i = 0; i < nRows; i++) rowMajor[i * nIn + j] = x.columns[j]![i]!;
  for (const [label, depth, units] of [['2x100 tanh', 2, 100], ['3x264 tanh', 3, 264]] as const) {
    const network = initialNetwork(layerSizes(nIn, depth, units, 10), 'tanh', rng);
    const weights = network.layers.map((l) => [tf.tensor2d(Float32Array.from(l.weights), [l.nIn, l.nOut]), tf.tensor1d(Float32Array.from(l.bias))] as const);
    const tfForward = (chunk: number): void => {
      for (let start = 0; start < nRows; start += chunk) {
        const rows = Math.min(chunk, nRows - start);
        tf.tidy(() => {
          let h = tf.tensor2d(rowMajor.subarray(start * nIn, (start + rows) * nIn), [rows, nIn]);
          weights.forEach(([w, b], l) => {
            h = tf.add(tf.matMul(h, w), b);
            if (l < weights.length - 1) h = tf.tanh(h);
          });
          h.dataSync();
        });
      }
    };
    const js = timed(() => forward(network, x));
    const small = timed(() => tfForward(32));
    const large = timed(() => tfForward(4096));
    console.log(`predict ${nRows} rows ${label}: plain JS ${js.cpu.toFixed(0)} ms, tfjs ${info.name} chunks of 32 ${small.cpu.toFixed(0)} ms, chunks of 4096 ${large.cpu.toFixed(0)} ms (cpu time)`);
    for (const [w, b] of weights) {
      w.dispose();
      b.dispose();
    }
  }
}
