import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AndConjunction, CategoricalHyperparameter, ConfigurationSpace, EqualsCondition, FloatHyperparameter, GreaterThanCondition,
  InCondition, IntegerHyperparameter, LessThanCondition, NotEqualsCondition, OrConjunction, OrdinalHyperparameter,
} from '../../src/space/index.ts';
import type { Condition } from '../../src/space/index.ts';
import { assertCode } from './helpers.ts';

/** A space with parent `p` (categorical a/b/c), `n` (integer 0..10), `o` (ordinal) and child `x`. */
function spaceWith(...conditions: Condition[]): ConfigurationSpace {
  return new ConfigurationSpace()
    .addHyperparameters([
      new CategoricalHyperparameter('p', ['a', 'b', 'c']), new IntegerHyperparameter('n', 0, 10),
      new OrdinalHyperparameter('o', ['low', 'mid', 'high']), new FloatHyperparameter('x', 0, 1),
    ])
    .addConditions(conditions);
}

const base = { p: 'a', n: 5, o: 'mid' };

/** Whether `x` is active when the other values are `values` (validated both ways). */
function childActive(space: ConfigurationSpace, values: Record<string, string | number>): boolean {
  const withChild = { ...values, x: 0.5 };
  const active = space.isValid(withChild);
  assert.equal(space.isValid(values), !active, 'exactly one of with/without the child must be valid');
  return active;
}

describe('conditions', () => {
  it('equals / not equals / in', () => {
    const eq = spaceWith(new EqualsCondition('x', 'p', 'b'));
    assert.deepEqual(['a', 'b', 'c'].map((p) => childActive(eq, { ...base, p })), [false, true, false]);
    const ne = spaceWith(new NotEqualsCondition('x', 'p', 'b'));
    assert.deepEqual(['a', 'b', 'c'].map((p) => childActive(ne, { ...base, p })), [true, false, true]);
    const inside = spaceWith(new InCondition('x', 'p', ['a', 'c']));
    assert.deepEqual(['a', 'b', 'c'].map((p) => childActive(inside, { ...base, p })), [true, false, true]);
  });

  it('less than / greater than on numbers and ordinals', () => {
    const lt = spaceWith(new LessThanCondition('x', 'n', 5));
    assert.deepEqual([4, 5, 6].map((n) => childActive(lt, { ...base, n })), [true, false, false]);
    const gt = spaceWith(new GreaterThanCondition('x', 'o', 'low'));
    assert.deepEqual(['low', 'mid', 'high'].map((o) => childActive(gt, { ...base, o })), [false, true, true]);
    assertCode(() => spaceWith(new LessThanCondition('x', 'p', 'b')), 'BAD_SPACE', /order/);
  });

  it('and / or conjunctions, and several conditions on one child as a conjunction', () => {
    const and = spaceWith(new AndConjunction(new EqualsCondition('x', 'p', 'a'), new GreaterThanCondition('x', 'n', 3)));
    assert.equal(childActive(and, { ...base, p: 'a', n: 4 }), true);
    assert.equal(childActive(and, { ...base, p: 'a', n: 3 }), false);
    assert.equal(childActive(and, { ...base, p: 'b', n: 4 }), false);
    const two = spaceWith(new EqualsCondition('x', 'p', 'a'), new GreaterThanCondition('x', 'n', 3));
    assert.equal(childActive(two, { ...base, p: 'a', n: 4 }), true);
    assert.equal(childActive(two, { ...base, p: 'b', n: 4 }), false);
    const or = spaceWith(new OrConjunction(new EqualsCondition('x', 'p', 'a'), new LessThanCondition('x', 'n', 2)));
    assert.equal(childActive(or, { ...base, p: 'a', n: 5 }), true);
    assert.equal(childActive(or, { ...base, p: 'b', n: 1 }), true);
    assert.equal(childActive(or, { ...base, p: 'b', n: 5 }), false);
    assertCode(() => new AndConjunction(new EqualsCondition('x', 'p', 'a'), new EqualsCondition('n', 'p', 'a')), 'BAD_SPACE', /children/);
    assertCode(() => new OrConjunction(), 'BAD_SPACE');
  });

  it('a child of an inactive parent is inactive, whatever the condition says', () => {
    const space = new ConfigurationSpace().addHyperparameters([
      new CategoricalHyperparameter('top', ['on', 'off']),
      new CategoricalHyperparameter('mid', ['u', 'v']),
      new FloatHyperparameter('leaf', 0, 1),
    ]).addConditions([new EqualsCondition('mid', 'top', 'on'), new NotEqualsCondition('leaf', 'mid', 'u')]);
    assert.ok(space.isValid({ top: 'on', mid: 'v', leaf: 0.2 }));
    assert.ok(space.isValid({ top: 'on', mid: 'u' }));
    assert.ok(space.isValid({ top: 'off' }));
    assertCode(() => space.validate({ top: 'off', leaf: 0.2 }), 'INACTIVE_VALUE_SET');
  });

  it('refuses unknown names, illegal values and self-reference', () => {
    assertCode(() => spaceWith(new EqualsCondition('x', 'nope', 'a')), 'BAD_SPACE', /unknown hyperparameter "nope"/);
    assertCode(() => spaceWith(new EqualsCondition('nope', 'p', 'a')), 'BAD_SPACE', /unknown/);
    assertCode(() => spaceWith(new EqualsCondition('x', 'p', 'z')), 'BAD_SPACE', /not a legal value/);
    assertCode(() => spaceWith(new InCondition('x', 'p', ['a', 'z'])), 'BAD_SPACE');
    assertCode(() => spaceWith(new EqualsCondition('x', 'x', 0.5)), 'BAD_SPACE', /own parent/);
    assertCode(() => new InCondition('x', 'p', []), 'BAD_SPACE');
  });

  it('rejects cycles', () => {
    const space = new ConfigurationSpace().addHyperparameters([
      new CategoricalHyperparameter('a', ['0', '1']), new CategoricalHyperparameter('b', ['0', '1']),
      new CategoricalHyperparameter('c', ['0', '1']),
    ]);
    space.addCondition(new EqualsCondition('b', 'a', '1')).addCondition(new EqualsCondition('c', 'b', '1'));
    assertCode(() => space.addCondition(new EqualsCondition('a', 'c', '1')), 'BAD_SPACE', /cycle/);
    assertCode(() => space.addCondition(new EqualsCondition('a', 'b', '1')), 'BAD_SPACE', /cycle/);
    // The refused conditions left the space as it was.
    assert.equal(space.conditions.length, 2);
    assert.deepEqual(space.order, ['a', 'b', 'c']);
  });

  it('orders dimensions parents first, otherwise by insertion', () => {
    const space = new ConfigurationSpace().addHyperparameters([
      new FloatHyperparameter('child', 0, 1), new FloatHyperparameter('free', 0, 1),
      new CategoricalHyperparameter('parent', ['a', 'b']), new FloatHyperparameter('grandchild', 0, 1),
    ]).addConditions([new EqualsCondition('child', 'parent', 'a'), new GreaterThanCondition('grandchild', 'child', 0.5)]);
    assert.deepEqual(space.order, ['free', 'parent', 'child', 'grandchild']);
    assert.deepEqual(space.parentsOf('grandchild'), ['child']);
  });
});
