import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Bracket } from '../../../src/search/fidelity/bracket.ts';

const config = (i: number) => ({ x: i });

describe('Bracket', () => {
  it('promotes nothing until a rung holds eta results, then the best of the top 1/eta', () => {
    const bracket = new Bracket(0, 2, 3);
    bracket.record(0, 'a', config(1), 0.5, true);
    bracket.record(0, 'b', config(2), 0.2, true);
    assert.equal(bracket.candidate(0), null);
    bracket.record(0, 'c', config(3), 0.9, true);
    assert.equal(bracket.candidate(0)?.key, 'b');
    bracket.markPromoted(0, 'b');
    // ⌊3/3⌋ = 1 and the one is taken: nothing until the quota grows.
    assert.equal(bracket.candidate(0), null);
    bracket.record(0, 'd', config(4), 0.8, true);
    bracket.record(0, 'e', config(5), 0.7, true);
    assert.equal(bracket.candidate(0), null);
    bracket.record(0, 'f', config(6), 0.1, true);
    // ⌊6/3⌋ = 2: f (0.1) and b (0.2); b is already up.
    assert.equal(bracket.candidate(0)?.key, 'f');
  });

  it('never promotes a failed trial, which still counts toward the quota', () => {
    const bracket = new Bracket(0, 2, 3);
    bracket.record(0, 'a', config(1), Infinity, false);
    bracket.record(0, 'b', config(2), Infinity, false);
    bracket.record(0, 'c', config(3), 0.4, true);
    assert.equal(bracket.candidate(0)?.key, 'c');
    const onlyFailures = new Bracket(0, 2, 3);
    for (const key of ['a', 'b', 'c']) onlyFailures.record(0, key, config(1), Infinity, false);
    assert.equal(onlyFailures.candidate(0), null);
  });

  it('breaks cost ties by arrival and has no candidates at its top rung or below its entry', () => {
    const bracket = new Bracket(1, 2, 2);
    bracket.record(1, 'late', config(1), 0.3, true);
    bracket.record(1, 'later', config(2), 0.3, true);
    assert.equal(bracket.candidate(1)?.key, 'late');
    bracket.record(2, 'top1', config(3), 0.1, true);
    bracket.record(2, 'top2', config(4), 0.2, true);
    assert.equal(bracket.candidate(2), null);
    assert.equal(bracket.candidate(0), null);
    assert.throws(() => bracket.record(0, 'x', config(5), 0.1, true), RangeError);
  });
});
