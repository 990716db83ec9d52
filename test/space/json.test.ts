import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/util/rng.ts';
import {
  CategoricalHyperparameter, ConfigurationSpace, spaceFromJSON, spaceHash, spaceToJSON, spaceToJSONText,
} from '../../src/space/index.ts';
import type { JsonObject } from '../../src/util/json.ts';
import { buildAutoMLSpace } from './fixture.ts';
import { assertCode } from './helpers.ts';

describe('space JSON', () => {
  const space = buildAutoMLSpace();
  const text = spaceToJSONText(space);

  it('round-trips to the same text, order, samples and hash', () => {
    const loaded = spaceFromJSON(JSON.parse(text));
    assert.equal(spaceToJSONText(loaded), text);
    assert.equal(spaceToJSONText(spaceFromJSON(text)), text);
    assert.deepEqual(loaded.order, space.order);
    assert.deepEqual(loaded.sample(new Rng(3), 200), space.sample(new Rng(3), 200));
    assert.equal(spaceHash(loaded), spaceHash(space));
    assert.match(spaceHash(space), /^[0-9a-f]{16}$/);
  });

  it('is type-tagged with a fixed key order', () => {
    const json = spaceToJSON(space);
    assert.deepEqual(Object.keys(json), ['format', 'version', 'hyperparameters', 'conditions', 'forbiddens']);
    const first = (json['hyperparameters'] as JsonObject[])[0]!;
    assert.deepEqual(first, { type: 'categorical', name: 'balancing:strategy', choices: ['none', 'weighting'], default: 'none' });
    const weighted = new ConfigurationSpace().addHyperparameter(new CategoricalHyperparameter('c', [1, true, 'x'], { weights: [1, 2, 3] }));
    assert.equal(spaceToJSONText(spaceFromJSON(spaceToJSON(weighted))), spaceToJSONText(weighted));
  });

  it('the hash changes with the space', () => {
    const other = buildAutoMLSpace().addHyperparameter(new CategoricalHyperparameter('extra', ['a']));
    assert.notEqual(spaceHash(other), spaceHash(space));
  });

  it('refuses malformed input with BAD_SPACE naming the entry', () => {
    const json = (): JsonObject => JSON.parse(text) as JsonObject;
    const edit = (change: (j: JsonObject) => void): JsonObject => {
      const j = json();
      change(j);
      return j;
    };
    const hps = (j: JsonObject): JsonObject[] => j['hyperparameters'] as JsonObject[];
    assertCode(() => spaceFromJSON('{not json'), 'BAD_SPACE', /not valid JSON/);
    assertCode(() => spaceFromJSON([]), 'BAD_SPACE', /expected an object/);
    assertCode(() => spaceFromJSON(edit((j) => { j['format'] = 'other'; })), 'BAD_SPACE', /format/);
    assertCode(() => spaceFromJSON(edit((j) => { j['version'] = 2; })), 'BAD_SPACE', /version/);
    assertCode(() => spaceFromJSON(edit((j) => { delete j['conditions']; })), 'BAD_SPACE', /missing field "conditions"/);
    assertCode(() => spaceFromJSON(edit((j) => { hps(j)[3]!['type'] = 'complex'; })), 'BAD_SPACE', /hyperparameters\[3\].*unknown hyperparameter type/);
    assertCode(() => spaceFromJSON(edit((j) => { hps(j)[1]!['default'] = 'nope'; })), 'BAD_SPACE', /^hyperparameters\[1\]: .*default/);
    assertCode(() => spaceFromJSON(edit((j) => { hps(j)[1]!['extra'] = 1; })), 'BAD_SPACE', /hyperparameters\[1\]: unexpected field "extra"/);
    assertCode(() => spaceFromJSON(edit((j) => { hps(j).push(hps(j)[0]!); })), 'BAD_SPACE', /duplicate/);
    assertCode(() => spaceFromJSON(edit((j) => { (j['conditions'] as JsonObject[])[2]!['parent'] = 'ghost'; })), 'BAD_SPACE', /^conditions\[2\]: .*"ghost"/);
    assertCode(() => spaceFromJSON(edit((j) => { (j['conditions'] as JsonObject[])[0]!['type'] = 'xor'; })), 'BAD_SPACE', /conditions\[0\]: unknown condition type/);
    assertCode(() => spaceFromJSON(edit((j) => {
      ((j['forbiddens'] as JsonObject[])[0]!['clauses'] as JsonObject[])[1]!['value'] = 'ghost';
    })), 'BAD_SPACE', /^forbiddens\[0\]: .*"ghost"/);
    assertCode(() => spaceFromJSON(edit((j) => { hps(j)[2]!['choices'] = ['a', null]; })), 'BAD_SPACE', /hyperparameters\[2\].*choices\[1\]/);
  });
});
