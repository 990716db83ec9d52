import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildLeaderboard, formatLeaderboard } from '../../src/report/leaderboard.ts';
import type { TrialRecord, TrialStatus } from '../../src/search/trial.ts';

function trial(id: number, status: TrialStatus, cost: number, extra: Partial<TrialRecord> = {}): TrialRecord {
  return {
    id, status, cost, score: Number.isFinite(cost) ? 1 - cost : null, algorithm: 'random_forest',
    config: { 'classifier:__choice__': 'random_forest' }, fitSeconds: 1, finishedAt: id, seed: id, ...extra,
  };
}

describe('buildLeaderboard', () => {
  it('ranks full successes first, then lower fidelities by share and cost, then stopped, then failed trials', () => {
    const rows = buildLeaderboard(
      [
        trial(1, 'SUCCESS', 0.05, { fidelity: 1 / 9, rung: 0 }),
        trial(2, 'CRASHED', Infinity),
        trial(3, 'SUCCESS', 0.3),
        trial(4, 'STOPPED', 0.01, { fidelity: 0.25 }),
        trial(5, 'SUCCESS', 0.2, { fidelity: 1 / 3, rung: 1 }),
        trial(6, 'SUCCESS', 0.25),
        trial(7, 'SUCCESS', 0.02, { fidelity: 1 / 9, rung: 0 }),
      ],
      new Map([[6, 1]]),
    );
    assert.deepEqual(rows.map((r) => r.id), [6, 3, 5, 7, 1, 4, 2]);
    assert.deepEqual(rows.map((r) => r.rank), [1, 2, 3, 4, 5, 6, 7]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(byId.get(5)!.fidelity, 1 / 3);
    assert.equal(byId.get(5)!.rung, 1);
    assert.equal('fidelity' in byId.get(6)!, false, 'a full trial carries no fidelity');
    assert.equal(byId.get(4)!.validation_cost, 0.01, 'a stopped trial shows its partial cost');
    assert.equal(byId.get(2)!.validation_cost, null);
  });
});

describe('formatLeaderboard', () => {
  it('shows rung and fidelity columns only when a trial ran below full fidelity', () => {
    const plain = formatLeaderboard(buildLeaderboard([trial(1, 'SUCCESS', 0.1)], new Map()));
    assert.doesNotMatch(plain.split('\n')[0]!, /rung|fidelity/);
    const mixed = formatLeaderboard(buildLeaderboard([trial(1, 'SUCCESS', 0.1), trial(2, 'SUCCESS', 0.2, { fidelity: 1 / 9, rung: 0 })], new Map()));
    const [header, full, lower] = mixed.split('\n');
    assert.match(header!, /status\s+rung\s+fidelity/);
    assert.match(full!, /SUCCESS\s+-\s+1(\s|$)/);
    assert.match(lower!, /SUCCESS\s+0\s+0\.111(\s|$)/);
  });
});
