import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EnsembleBuilder, selectEnsemble, type EnsembleCandidate } from '../../src/ensemble/index.ts';
import { getScorer } from '../../src/metrics/scorers.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { Rng } from '../../src/util/rng.ts';
import { candidate, noisyClassifier, randomClassTruth } from './fixtures.ts';

const scorer = getScorer('log_loss', 'multiclass');

function trials(count: number, seed: number): { truth: ReturnType<typeof randomClassTruth>; candidates: EnsembleCandidate[] } {
  const rng = new Rng(seed);
  const truth = randomClassTruth(200, 3, rng);
  const candidates = Array.from({ length: count }, (_, i) => candidate(i + 1, noisyClassifier(truth, rng.uniform(0.1, 1.5), rng), truth, scorer));
  return { truth, candidates };
}

test('the builder holds at most nBest candidates, the cheapest so far', () => {
  const { truth, candidates } = trials(30, 1);
  const builder = new EnsembleBuilder({ truth, scorer }, { nBest: 5, ensembleSize: 10, seed: 0 });
  assert.equal(builder.build(), null);
  candidates.forEach((c, i) => {
    builder.add(c);
    assert.ok(builder.size <= 5);
    const cheapest = candidates.slice(0, i + 1).sort((a, b) => a.cost - b.cost || a.id - b.id).slice(0, 5).map((x) => x.id);
    assert.deepEqual(builder.heldIds(), cheapest);
  });
  assert.equal(builder.size, 5);
});

test('build() at any moment matches batch selection over the trials seen so far', () => {
  const { truth, candidates } = trials(24, 2);
  const options = { nBest: 6, ensembleSize: 20, seed: 4 };
  const builder = new EnsembleBuilder({ truth, scorer }, options);
  candidates.forEach((c, i) => {
    builder.add(c);
    if (i % 6 === 5) assert.deepEqual(builder.build(), selectEnsemble(candidates.slice(0, i + 1), { truth, scorer }, options));
  });
  // arrival order does not matter
  const reversed = new EnsembleBuilder({ truth, scorer }, options);
  for (const c of [...candidates].reverse()) reversed.add(c);
  assert.deepEqual(reversed.build(), builder.build());
});

test('failed trials are never held, and a repeated id is a bug', () => {
  const { truth, candidates } = trials(3, 3);
  const builder = new EnsembleBuilder({ truth, scorer }, { seed: 0 });
  assert.equal(builder.add({ ...candidates[0]!, cost: Infinity }), false);
  assert.equal(builder.build(), null);
  assert.equal(builder.add(candidates[1]!), true);
  assert.throws(() => builder.add(candidates[1]!), (error: unknown) => error instanceof AutoMLError && error.code === 'INTERNAL');
  assert.deepEqual(builder.build()?.members, [{ id: candidates[1]!.id, weight: 1 }]);
});

test('the builder measures candidates against the dummy it was given or computed', () => {
  const { truth, candidates } = trials(4, 4);
  const computed = new EnsembleBuilder({ truth, scorer }, { seed: 0 });
  assert.ok(computed.baselineCost > 1 && computed.baselineCost < Math.log(3) + 1e-9);
  const strict = new EnsembleBuilder({ truth, scorer, dummyCost: 0 }, { seed: 0 });
  for (const c of candidates) strict.add(c);
  // nothing beats a zero-cost dummy, so the single cheapest is kept alone
  const cheapest = [...candidates].sort((a, b) => a.cost - b.cost)[0]!;
  assert.deepEqual(strict.build()?.members, [{ id: cheapest.id, weight: 1 }]);
});
