/** Seeds: the same seed reproduces a model exactly; a different seed gives a different forest. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
} from '../../../../src/components/models/tree/index.ts';
import { syntheticClassification, syntheticRegression } from './synthetic.ts';

const cls = syntheticClassification(500, 8, 3, 21);
const reg = syntheticRegression(500, 8, 22);
// Fully grown trees without bootstrap reproduce their training targets whatever the seed, so
// differences between seeds show on other rows.
const regOther = syntheticRegression(200, 8, 23);

test('same seed → identical forests and predictions; different seed → different forest', () => {
  for (const make of [(seed: number) => new RandomForestClassifier({ seed, n_estimators: 10 }), (seed: number) => new ExtraTreesClassifier({ seed, n_estimators: 10 })]) {
    const a = make(5);
    const b = make(5);
    const c = make(6);
    for (const model of [a, b, c]) model.fit(cls.x, cls.y, 3);
    assert.deepEqual(a.toJSON(), b.toJSON());
    assert.deepEqual(a.predictProba(cls.x).data, b.predictProba(cls.x).data);
    assert.notDeepEqual(a.toJSON().state['trees'], c.toJSON().state['trees']);
  }
  for (const make of [(seed: number) => new RandomForestRegressor({ seed, n_estimators: 10 }), (seed: number) => new ExtraTreesRegressor({ seed, n_estimators: 10 })]) {
    const a = make(5);
    const b = make(5);
    const c = make(6);
    for (const model of [a, b, c]) model.fit(reg.x, reg.y);
    assert.deepEqual(a.predict(regOther.x), b.predict(regOther.x));
    assert.notDeepEqual(a.predict(regOther.x), c.predict(regOther.x));
  }
});

test('each tree depends only on the seed and its index: more trees keep the first ones', () => {
  const small = new RandomForestRegressor({ seed: 9, n_estimators: 3 });
  const large = new RandomForestRegressor({ seed: 9, n_estimators: 8 });
  small.fit(reg.x, reg.y);
  large.fit(reg.x, reg.y);
  for (let t = 0; t < 3; t++) assert.deepEqual(large.trees[t]!.toJSON(), small.trees[t]!.toJSON());
});

test('refitting the same instance gives the same model', () => {
  const model = new RandomForestClassifier({ seed: 4, n_estimators: 5 });
  model.fit(cls.x, cls.y, 3);
  const first = model.toJSON();
  model.fit(cls.x, cls.y, 3);
  assert.deepEqual(model.toJSON(), first);
});
