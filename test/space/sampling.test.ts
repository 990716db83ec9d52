import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/util/rng.ts';
import { CategoricalHyperparameter, OrdinalHyperparameter, configurationKey } from '../../src/space/index.ts';
import type { Configuration } from '../../src/space/index.ts';
import { DENSIFYING_PREPROCESSORS, TREE_CLASSIFIERS, buildAutoMLSpace } from './fixture.ts';

const space = buildAutoMLSpace();
const samples = space.sample(new Rng(2024), 10_000);

describe('sampling the realistic AutoML space', () => {
  it('is a full-size space', () => {
    assert.ok(space.size >= 100, `size ${space.size}`);
    assert.ok(space.conditions.length >= 100);
  });

  it('yields only valid configurations', () => {
    assert.equal(samples.length, 10_000);
    for (const config of samples) space.validate(config);
  });

  it('has every active hyperparameter present and every inactive one absent', () => {
    for (const config of samples.slice(0, 2000)) {
      const choice = config['classifier:__choice__'] as string;
      for (const name of space.order) {
        if (name.startsWith('classifier:') && name !== 'classifier:__choice__') {
          const owner = name.split(':')[1]!;
          if (owner !== choice) assert.ok(!(name in config), `${name} present under ${choice}`);
        }
      }
      const kernel = config['feature_preprocessor:kernel_pca:kernel'];
      assert.equal('feature_preprocessor:kernel_pca:gamma' in config, kernel === 'poly' || kernel === 'rbf');
      assert.equal('feature_preprocessor:kernel_pca:degree' in config, kernel === 'poly');
      const depth = config['classifier:mlp:hidden_layer_depth'];
      assert.equal('classifier:mlp:layer_decay' in config, depth !== undefined && (depth as number) > 1);
      assert.equal('classifier:sgd:l1_ratio' in config, config['classifier:sgd:penalty'] === 'elasticnet');
    }
  });

  it('respects the forbidden clauses', () => {
    for (const config of samples) {
      const densifying = DENSIFYING_PREPROCESSORS.includes(config['feature_preprocessor:__choice__'] as string);
      assert.ok(!(densifying && TREE_CLASSIFIERS.includes(config['classifier:__choice__'] as string)));
      assert.ok(!(config['classifier:liblinear_svc:penalty'] === 'l1' && config['classifier:liblinear_svc:loss'] === 'hinge'));
    }
  });

  it('covers every choice of every categorical and ordinal', () => {
    const seen = new Map<string, Set<unknown>>(space.order.map((name) => [name, new Set()]));
    for (const config of samples) for (const name in config) seen.get(name)!.add(config[name]);
    for (const hp of space.hyperparameters) {
      const values = hp instanceof CategoricalHyperparameter ? hp.choices : hp instanceof OrdinalHyperparameter ? hp.sequence : [];
      for (const value of values) assert.ok(seen.get(hp.name)!.has(value), `${hp.name} never took ${String(value)}`);
      assert.ok(seen.get(hp.name)!.size > 0, `${hp.name} never active`);
    }
  });

  it('is reproducible from the seed and differs across seeds', () => {
    const keys = (configs: Configuration[]): string[] => configs.map(configurationKey);
    assert.deepEqual(keys(space.sample(new Rng(2024), 300)), keys(samples.slice(0, 300)));
    assert.deepEqual(space.sample(new Rng(2024), 300), samples.slice(0, 300));
    assert.notDeepEqual(keys(space.sample(new Rng(2025), 300)), keys(samples.slice(0, 300)));
  });

  it('holds the same draws as slots, turned into configurations and vectors on demand', () => {
    const draws = space.draws(new Rng(2024), 300);
    assert.equal(draws.size, 300);
    const vector = new Float64Array(space.size);
    for (let i = 0; i < draws.size; i++) {
      assert.deepEqual(draws.configuration(i), samples[i]);
      draws.vectorInto(i, vector);
      assert.deepEqual([...vector], [...space.encode(samples[i]!)]);
      draws.vectorInto(i, vector, new Float64Array(space.size).fill(-7));
      assert.deepEqual([...vector], Array.from(space.encode(samples[i]!), (v) => (Number.isNaN(v) ? -7 : v)));
    }
    assert.throws(() => space.draws(new Rng(1), -1), RangeError);
  });

  it('keeps keys in dimension order', () => {
    const order = new Map(space.order.map((name, i) => [name, i]));
    for (const config of samples.slice(0, 100)) {
      const positions = Object.keys(config).map((name) => order.get(name)!);
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    }
  });

  // CPU time rather than wall time, so that other processes on the machine do not make it flaky.
  it('draws at least 50 000 valid configurations per second', () => {
    const rng = new Rng(9);
    space.sample(rng, 10_000);
    let best = 0;
    for (let round = 0; round < 3; round++) {
      const n = 20_000;
      const start = process.cpuUsage();
      space.sample(rng, n);
      const used = process.cpuUsage(start);
      best = Math.max(best, n / ((used.user + used.system) / 1e6));
    }
    console.log(`sampling: ${Math.round(best)} configurations per CPU second`);
    assert.ok(best >= 50_000, `only ${Math.round(best)} per second`);
  });
});
