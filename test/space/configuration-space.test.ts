import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CategoricalHyperparameter, ConfigurationError, ConfigurationSpace, ConstantHyperparameter, EqualsCondition, FloatHyperparameter,
  ForbiddenAnd, ForbiddenEquals, IntegerHyperparameter, configurationKey,
} from '../../src/space/index.ts';
import { assertCode } from './helpers.ts';

function forest(): ConfigurationSpace {
  return new ConfigurationSpace().addHyperparameters([
    new CategoricalHyperparameter('bootstrap', [true, false]),
    new FloatHyperparameter('max_samples', 0.1, 1, { default: 1 }),
    new IntegerHyperparameter('min_samples_leaf', 1, 20, { default: 1 }),
  ]).addCondition(new EqualsCondition('max_samples', 'bootstrap', true))
    .addForbidden(new ForbiddenAnd(new ForbiddenEquals('bootstrap', false), new ForbiddenEquals('min_samples_leaf', 20)));
}

function withChoice(): ConfigurationSpace {
  const space = new ConfigurationSpace()
    .addHyperparameter(new CategoricalHyperparameter('classifier:__choice__', ['random_forest', 'knn']));
  space.addSubspace('classifier:random_forest', forest(), { name: 'classifier:__choice__', value: 'random_forest' });
  space.addSubspace('classifier:knn', new ConfigurationSpace().addHyperparameter(new IntegerHyperparameter('k', 1, 50, { default: 5 })),
    { name: 'classifier:__choice__', value: 'knn' });
  return space;
}

describe('ConfigurationSpace building', () => {
  it('refuses duplicate names', () => {
    const space = new ConfigurationSpace().addHyperparameter(new FloatHyperparameter('x', 0, 1));
    assertCode(() => space.addHyperparameter(new IntegerHyperparameter('x', 0, 1)), 'BAD_SPACE', /duplicate/);
    assertCode(() => new ConstantHyperparameter('__proto__', 1), 'BAD_SPACE');
  });

  it('addSubspace prefixes names and hangs top-level hyperparameters under the parent value', () => {
    const space = withChoice();
    assert.deepEqual(space.order, [
      'classifier:__choice__', 'classifier:random_forest:bootstrap', 'classifier:random_forest:max_samples',
      'classifier:random_forest:min_samples_leaf', 'classifier:knn:k',
    ]);
    assert.deepEqual(space.parentsOf('classifier:random_forest:bootstrap'), ['classifier:__choice__']);
    assert.deepEqual(space.parentsOf('classifier:random_forest:max_samples'), ['classifier:random_forest:bootstrap']);
    assert.deepEqual(space.parentsOf('classifier:knn:k'), ['classifier:__choice__']);
    assert.equal(space.forbiddens.length, 1);
    assert.deepEqual(space.defaultConfiguration(), {
      'classifier:__choice__': 'random_forest',
      'classifier:random_forest:bootstrap': true,
      'classifier:random_forest:min_samples_leaf': 1,
      'classifier:random_forest:max_samples': 1,
    });
    assert.ok(space.isValid({ 'classifier:__choice__': 'knn', 'classifier:knn:k': 7 }));
    // The sub-space's own forbidden clause came along, renamed.
    assertCode(() => space.validate({
      'classifier:__choice__': 'random_forest', 'classifier:random_forest:bootstrap': false,
      'classifier:random_forest:min_samples_leaf': 20,
    }), 'FORBIDDEN_CONFIGURATION');
  });

  it('addSubspace without a parent only prefixes', () => {
    const space = new ConfigurationSpace().addSubspace('rf', forest());
    assert.deepEqual(space.hyperparameters.map((hp) => hp.name), ['rf:bootstrap', 'rf:max_samples', 'rf:min_samples_leaf']);
    assert.deepEqual(space.parentsOf('rf:bootstrap'), []);
  });

  it('addSubspace is all or nothing', () => {
    const space = withChoice();
    const before = space.size;
    assertCode(() => space.addSubspace('classifier:knn', new ConfigurationSpace().addHyperparameter(new FloatHyperparameter('k', 0, 1))),
      'BAD_SPACE', /duplicate/);
    assertCode(() => space.addSubspace('x', forest(), { name: 'nope', value: 'a' }), 'BAD_SPACE', /unknown parent/);
    assertCode(() => space.addSubspace('x', forest(), { name: 'classifier:__choice__', value: 'svm' }), 'BAD_SPACE', /not a legal value/);
    assertCode(() => space.addSubspace('', forest()), 'BAD_SPACE');
    assert.equal(space.size, before);
  });
});

describe('ConfigurationSpace.validate', () => {
  const space = withChoice();
  const valid = {
    'classifier:__choice__': 'random_forest', 'classifier:random_forest:bootstrap': true,
    'classifier:random_forest:max_samples': 0.5, 'classifier:random_forest:min_samples_leaf': 3,
  };

  it('accepts a valid configuration in any key order', () => {
    space.validate(valid);
    const reversed = Object.fromEntries(Object.entries(valid).reverse());
    assert.ok(space.isValid(reversed));
    assert.equal(configurationKey(reversed), configurationKey(valid));
  });

  it('reports each kind of problem with its code, name and value', () => {
    const illegal = assertCode(() => space.validate({ ...valid, 'classifier:random_forest:min_samples_leaf': 2.5 }), 'ILLEGAL_VALUE');
    assert.ok(illegal instanceof ConfigurationError);
    assert.equal(illegal.hyperparameter, 'classifier:random_forest:min_samples_leaf');
    assert.equal(illegal.value, 2.5);
    assertCode(() => space.validate({ ...valid, 'classifier:__choice__': 'svm' }), 'ILLEGAL_VALUE', /"svm"/);
    const unknown = assertCode(() => space.validate({ ...valid, 'classifier:svm:C': 1 }), 'ILLEGAL_VALUE', /unknown/);
    assert.equal((unknown as ConfigurationError).hyperparameter, 'classifier:svm:C');
    const inactive = assertCode(() => space.validate({ ...valid, 'classifier:knn:k': 3 }), 'INACTIVE_VALUE_SET');
    assert.equal((inactive as ConfigurationError).hyperparameter, 'classifier:knn:k');
    const { 'classifier:random_forest:max_samples': _dropped, ...missing } = valid;
    const absent = assertCode(() => space.validate(missing), 'ACTIVE_VALUE_MISSING');
    assert.equal((absent as ConfigurationError).hyperparameter, 'classifier:random_forest:max_samples');
    assertCode(() => space.validate({ ...valid, 'classifier:random_forest:bootstrap': false }), 'INACTIVE_VALUE_SET');
    for (const bad of [{ ...valid, 'classifier:knn:k': 3 }, missing, { 'classifier:__choice__': 1 }]) assert.equal(space.isValid(bad), false);
  });

  it('configurationKey distinguishes value types', () => {
    assert.notEqual(configurationKey({ a: 1 }), configurationKey({ a: '1' }));
    assert.notEqual(configurationKey({ a: true }), configurationKey({ a: 'true' }));
    assert.equal(configurationKey({ b: 2, a: 1 }), '[["a",1],["b",2]]');
  });
});
