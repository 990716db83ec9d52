import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/util/rng.ts';
import {
  CategoricalHyperparameter, ConstantHyperparameter, FloatHyperparameter, IntegerHyperparameter, OrdinalHyperparameter,
} from '../../src/space/index.ts';
import type { Hyperparameter, Value } from '../../src/space/index.ts';
import { assertCode } from './helpers.ts';

/** Every sampled value is legal, lies in [0, 1] in both views' numeric cases and round-trips exactly. */
function checkRoundTrips(hp: Hyperparameter, draws = 20_000): Set<Value> {
  const rng = new Rng(11);
  const seen = new Set<Value>();
  for (let i = 0; i < draws; i++) {
    const value = hp.sample(rng);
    seen.add(value);
    assert.ok(hp.isLegal(value), `${hp.name}: sampled ${String(value)} is illegal`);
    const unit = hp.toUnit(value);
    assert.ok(unit >= 0 && unit <= 1, `${hp.name}: unit ${unit}`);
    assert.equal(hp.fromUnit(unit), value);
    const x = hp.toVector(value);
    assert.ok(hp.isLegalVector(x));
    assert.equal(hp.fromVector(x), value);
    assert.equal(hp.toVector(hp.fromVector(x)), x);
    // Any unit point decodes to a legal value that is then stable.
    const decoded = hp.fromUnit(rng.next());
    assert.ok(hp.isLegal(decoded));
    assert.equal(hp.fromUnit(hp.toUnit(decoded)), decoded);
  }
  assert.equal(hp.fromVector(hp.toVector(hp.default)), hp.default);
  return seen;
}

describe('FloatHyperparameter', () => {
  it('maps linearly and round-trips exactly', () => {
    const hp = new FloatHyperparameter('x', -2, 6, { default: 0.1 });
    assert.equal(hp.toUnit(-2), 0);
    assert.equal(hp.toUnit(6), 1);
    assert.equal(hp.toUnit(2), 0.5);
    assert.equal(hp.fromUnit(0), -2);
    assert.equal(hp.fromUnit(0.25), 0);
    checkRoundTrips(hp);
    assert.equal(hp.fromUnit(hp.toUnit(0.1)), 0.1);
  });

  it('maps log-uniformly and round-trips exactly, including awkward defaults', () => {
    const hp = new FloatHyperparameter('lr', 1e-4, 1, { log: true, default: 0.003 });
    assert.ok(Math.abs(hp.toUnit(1e-2) - 0.5) < 1e-12);
    assert.ok(Math.abs(hp.fromUnit(0.25) - 1e-3) < 1e-15);
    checkRoundTrips(hp);
    for (const hp2 of [new FloatHyperparameter('a', 1e-10, 1, { log: true }), new FloatHyperparameter('b', 0.1, 0.3),
      new FloatHyperparameter('c', 123.456, 123.4561), new FloatHyperparameter('d', 3.0517578125e-5, 8, { log: true })]) {
      checkRoundTrips(hp2, 5_000);
    }
  });

  it('defaults to the middle of the unit view', () => {
    assert.equal(new FloatHyperparameter('x', 0, 10).default, 5);
    assert.ok(Math.abs(new FloatHyperparameter('x', 1, 100, { log: true }).default - 10) < 1e-12);
  });

  it('checks legality and refuses bad definitions', () => {
    const hp = new FloatHyperparameter('x', 0, 1);
    assert.ok(hp.isLegal(0) && hp.isLegal(1) && hp.isLegal(0.5));
    for (const bad of [-0.01, 1.01, NaN, Infinity, '0.5', true, null, undefined]) assert.equal(hp.isLegal(bad), false);
    assertCode(() => new FloatHyperparameter('x', 1, 1), 'BAD_SPACE', /below/);
    assertCode(() => new FloatHyperparameter('x', 0, 1, { log: true }), 'BAD_SPACE', /log/);
    assertCode(() => new FloatHyperparameter('x', 0, 1, { default: 2 }), 'BAD_SPACE', /default/);
    assertCode(() => new FloatHyperparameter('x', 0, Infinity), 'BAD_SPACE');
    assertCode(() => new FloatHyperparameter('', 0, 1), 'BAD_SPACE', /name/);
  });

  it('gives distinct gaussian neighbours inside the range', () => {
    const hp = new FloatHyperparameter('x', 0, 1);
    const rng = new Rng(3);
    for (const value of [0, 0.5, 1]) {
      const near = hp.neighbours(value, rng, 4);
      assert.equal(near.length, 4);
      assert.equal(new Set(near).size, 4);
      for (const v of near) assert.ok(hp.isLegal(v) && v !== value);
    }
    // Steps have a standard deviation of about 0.2 in the unit view.
    let total = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) total += (hp.neighbours(0.5, rng, 1)[0]! - 0.5) ** 2;
    const stdev = Math.sqrt(total / n);
    assert.ok(stdev > 0.17 && stdev < 0.23, `stdev ${stdev}`);
  });
});

describe('IntegerHyperparameter', () => {
  it('uses equal cells whose centres round-trip', () => {
    const hp = new IntegerHyperparameter('k', 1, 4);
    assert.deepEqual([1, 2, 3, 4].map((k) => hp.toUnit(k)), [0.125, 0.375, 0.625, 0.875]);
    assert.equal(hp.fromUnit(0), 1);
    assert.equal(hp.fromUnit(0.2499), 1);
    assert.equal(hp.fromUnit(0.25), 2);
    assert.equal(hp.fromUnit(1), 4);
    const seen = checkRoundTrips(hp);
    assert.deepEqual([...seen].sort(), [1, 2, 3, 4]);
  });

  it('samples uniformly over the integers', () => {
    const hp = new IntegerHyperparameter('k', -2, 2);
    const rng = new Rng(5);
    const counts = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      const k = hp.sample(rng);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const k of [-2, -1, 0, 1, 2]) assert.ok(Math.abs(counts.get(k)! / 50_000 - 0.2) < 0.01);
  });

  it('uses log-scale cells and round-trips', () => {
    const hp = new IntegerHyperparameter('n', 1, 1000, { log: true, default: 10 });
    checkRoundTrips(hp);
    // Small values are much more likely than large ones.
    const rng = new Rng(2);
    let small = 0;
    for (let i = 0; i < 10_000; i++) if (hp.sample(rng) <= 31) small++;
    assert.ok(small > 4500 && small < 5500, `small ${small}`);
    checkRoundTrips(new IntegerHyperparameter('m', 1, 2 ** 40, { log: true }), 5_000);
    checkRoundTrips(new IntegerHyperparameter('w', -(2 ** 40), 2 ** 40), 5_000);
  });

  it('checks legality and refuses bad definitions', () => {
    const hp = new IntegerHyperparameter('k', 0, 10);
    assert.ok(hp.isLegal(0) && hp.isLegal(10));
    for (const bad of [0.5, -1, 11, '3', NaN]) assert.equal(hp.isLegal(bad), false);
    assertCode(() => new IntegerHyperparameter('k', 0.5, 3), 'BAD_SPACE');
    assertCode(() => new IntegerHyperparameter('k', 0, 10, { log: true }), 'BAD_SPACE', /log/);
    assertCode(() => new IntegerHyperparameter('k', 0, 10, { default: 3.5 }), 'BAD_SPACE');
    assertCode(() => new IntegerHyperparameter('k', 0, 2 ** 41), 'BAD_SPACE');
  });

  it('neighbours differ from the value, even in tiny ranges', () => {
    const rng = new Rng(4);
    assert.deepEqual(new IntegerHyperparameter('k', 0, 1).neighbours(0, rng, 4), [1]);
    const wide = new IntegerHyperparameter('k', 0, 1000);
    const near = wide.neighbours(500, rng, 4);
    assert.equal(near.length, 4);
    assert.equal(new Set(near).size, 4);
    assert.ok(!near.includes(500));
    const few = new IntegerHyperparameter('k', 1, 3).neighbours(2, rng, 4);
    assert.deepEqual([...few].sort(), [1, 3]);
  });
});

describe('CategoricalHyperparameter', () => {
  it('codes the vector as the choice index and the unit view as cell centres', () => {
    const hp = new CategoricalHyperparameter('c', ['a', 2, true], { default: 2 });
    assert.equal(hp.choiceCount, 3);
    assert.deepEqual(['a', 2, true].map((v) => hp.toVector(v)), [0, 1, 2]);
    assert.equal(hp.fromVector(2), true);
    assert.equal(hp.toUnit(2), 0.5);
    const seen = checkRoundTrips(hp);
    assert.equal(seen.size, 3);
    assert.equal(hp.isLegal('2'), false);
    assert.equal(hp.isLegal(1), false);
    assert.equal(hp.isLegalVector(1.5), false);
    assert.equal(hp.isLegalVector(3), false);
  });

  it('samples by weight', () => {
    const hp = new CategoricalHyperparameter('c', ['a', 'b'], { weights: [3, 1] });
    const rng = new Rng(8);
    let a = 0;
    for (let i = 0; i < 20_000; i++) if (hp.sample(rng) === 'a') a++;
    assert.ok(Math.abs(a / 20_000 - 0.75) < 0.015);
  });

  it('neighbours are all the other choices', () => {
    const hp = new CategoricalHyperparameter('c', ['a', 'b', 'c', 'd']);
    assert.deepEqual(hp.neighbours('b', new Rng(1), 1).sort(), ['a', 'c', 'd']);
  });

  it('refuses bad definitions', () => {
    assertCode(() => new CategoricalHyperparameter('c', []), 'BAD_SPACE');
    assertCode(() => new CategoricalHyperparameter('c', ['a', 'a']), 'BAD_SPACE', /repeat/);
    assertCode(() => new CategoricalHyperparameter('c', ['a'], { default: 'b' }), 'BAD_SPACE');
    assertCode(() => new CategoricalHyperparameter('c', ['a', 'b'], { weights: [1] }), 'BAD_SPACE');
    assertCode(() => new CategoricalHyperparameter('c', ['a', 'b'], { weights: [0, 0] }), 'BAD_SPACE');
    assertCode(() => new CategoricalHyperparameter('c', ['a', 'b'], { weights: [1, -1] }), 'BAD_SPACE');
    assertCode(() => new CategoricalHyperparameter('c', [NaN]), 'BAD_SPACE');
  });
});

describe('OrdinalHyperparameter', () => {
  it('is an ordered dimension on cell centres with adjacent neighbours', () => {
    const hp = new OrdinalHyperparameter('o', ['low', 'mid', 'high'], { default: 'mid' });
    assert.equal(hp.choiceCount, 0);
    assert.ok(hp.ordered);
    assert.deepEqual(['low', 'mid', 'high'].map((v) => hp.toVector(v)), [1 / 6, 0.5, 5 / 6]);
    assert.equal(hp.rank('high'), 2);
    assert.equal(checkRoundTrips(hp).size, 3);
    const rng = new Rng(1);
    assert.deepEqual(hp.neighbours('mid', rng, 4), ['low', 'high']);
    assert.deepEqual(hp.neighbours('low', rng, 4), ['mid']);
    assert.deepEqual(hp.neighbours('high', rng, 4), ['mid']);
    assertCode(() => new OrdinalHyperparameter('o', ['a', 'b'], { default: 'c' }), 'BAD_SPACE');
  });
});

describe('ConstantHyperparameter', () => {
  it('has one value, vector 0 and one choice', () => {
    const hp = new ConstantHyperparameter('k', 'None');
    assert.equal(hp.choiceCount, 1);
    assert.equal(hp.toVector('None'), 0);
    assert.equal(hp.fromVector(0), 'None');
    assert.ok(hp.isLegal('None') && !hp.isLegal('none'));
    assert.ok(hp.isLegalVector(0) && !hp.isLegalVector(1));
    assert.deepEqual(hp.neighbours('None', new Rng(1), 4), []);
    checkRoundTrips(hp, 10);
  });
});

describe('withName', () => {
  it('keeps everything but the name', () => {
    const hps: Hyperparameter[] = [
      new FloatHyperparameter('f', 1e-3, 1, { log: true, default: 0.01 }), new IntegerHyperparameter('i', 2, 9, { default: 3 }),
      new CategoricalHyperparameter('c', ['x', 'y'], { default: 'y', weights: [1, 2] }), new OrdinalHyperparameter('o', [1, 2, 3]),
      new ConstantHyperparameter('k', false),
    ];
    for (const hp of hps) {
      const renamed = hp.withName(`p:${hp.name}`);
      assert.deepEqual(renamed.toJSON(), { ...hp.toJSON(), name: `p:${hp.name}` });
    }
  });
});
