import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/util/rng.ts';
import {
  CategoricalHyperparameter, ConfigurationSpace, EqualsCondition, ForbiddenAnd, ForbiddenEquals, ForbiddenIn, IntegerHyperparameter,
} from '../../src/space/index.ts';
import { assertCode } from './helpers.ts';

function space(): ConfigurationSpace {
  return new ConfigurationSpace().addHyperparameters([
    new CategoricalHyperparameter('penalty', ['l1', 'l2'], { default: 'l2' }),
    new CategoricalHyperparameter('loss', ['hinge', 'squared'], { default: 'squared' }),
    new IntegerHyperparameter('k', 1, 5, { default: 1 }),
    new CategoricalHyperparameter('extra', ['on', 'off'], { default: 'off' }),
    new IntegerHyperparameter('depth', 1, 3),
  ]).addCondition(new EqualsCondition('depth', 'extra', 'on'));
}

describe('forbidden clauses', () => {
  it('equals, in and conjunctions match as documented', () => {
    const s = space().addForbiddens([
      new ForbiddenAnd(new ForbiddenEquals('penalty', 'l1'), new ForbiddenEquals('loss', 'hinge')),
      new ForbiddenIn('k', [4, 5]),
    ]);
    const ok = { penalty: 'l1', loss: 'squared', k: 1, extra: 'off' };
    assert.ok(s.isValid(ok));
    assertCode(() => s.validate({ ...ok, loss: 'hinge' }), 'FORBIDDEN_CONFIGURATION');
    assertCode(() => s.validate({ ...ok, k: 4 }), 'FORBIDDEN_CONFIGURATION');
    assert.ok(s.isValid({ ...ok, k: 3 }));
  });

  it('clauses on inactive hyperparameters do not match', () => {
    const s = space().addForbidden(new ForbiddenAnd(new ForbiddenEquals('depth', 2), new ForbiddenEquals('k', 1)));
    assert.ok(s.isValid({ penalty: 'l1', loss: 'squared', k: 1, extra: 'off' }));
    assertCode(() => s.validate({ penalty: 'l1', loss: 'squared', k: 1, extra: 'on', depth: 2 }), 'FORBIDDEN_CONFIGURATION');
    assert.ok(s.isValid({ penalty: 'l1', loss: 'squared', k: 1, extra: 'on', depth: 3 }));
  });

  it('sampling never yields forbidden configurations', () => {
    const s = space().addForbidden(new ForbiddenIn('k', [1, 2, 3, 4]));
    for (const config of s.sample(new Rng(1), 500)) assert.equal(config['k'], 5);
  });

  it('a forbidden default is an error; an all-forbidden space cannot be sampled', () => {
    const s = space().addForbidden(new ForbiddenEquals('penalty', 'l2'));
    assertCode(() => s.defaultConfiguration(), 'BAD_SPACE', /default/);
    const none = space().addForbidden(new ForbiddenIn('k', [1, 2, 3, 4, 5]));
    assertCode(() => none.sample(new Rng(1), 1), 'BAD_SPACE', /forbidden/);
  });

  it('refuses unknown names and illegal values', () => {
    assertCode(() => space().addForbidden(new ForbiddenEquals('nope', 1)), 'BAD_SPACE', /unknown hyperparameter "nope"/);
    assertCode(() => space().addForbidden(new ForbiddenEquals('k', 9)), 'BAD_SPACE', /not a legal value/);
    assertCode(() => space().addForbidden(new ForbiddenAnd(new ForbiddenIn('loss', ['hinge', 'x']))), 'BAD_SPACE');
    assertCode(() => new ForbiddenAnd(), 'BAD_SPACE');
    assertCode(() => new ForbiddenIn('k', []), 'BAD_SPACE');
  });
});
