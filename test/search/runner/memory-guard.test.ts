import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findOverBudget, workersFootprint, type WatchedTrial } from '../../../src/search/runner/memory-guard.ts';
import { currentOsThreadId, RecentFaults, threadMinorFaults } from '../../../src/search/runner/thread-faults.ts';

const MB = 1024 * 1024;

function trial(key: string, memoryMb: number, footprintMb: number, startedAt: number, recentFaults: number | null): WatchedTrial<string> {
  return { key, memoryMb, footprintAtStart: footprintMb * MB, startedAt, recentFaults };
}

describe('findOverBudget', () => {
  it('lets the process grow by the running trials\' budgets, from the earliest start', () => {
    const trials = [trial('a', 100, 500, 1, 10), trial('b', 100, 550, 2, 20)];
    assert.equal(findOverBudget(trials, 700 * MB), null);
    const over = findOverBudget(trials, 701 * MB);
    assert.equal(over?.allowanceMb, 200);
    assert.ok(Math.abs((over?.growthMb ?? 0) - 201) < 1e-9);
  });

  it('blames the trial faulting in the most pages lately', () => {
    const trials = [trial('a', 100, 500, 1, 5000), trial('b', 100, 500, 2, 90_000), trial('c', 100, 500, 3, 10)];
    assert.equal(findOverBudget(trials, 900 * MB)?.culprit, 'b');
  });

  it('blames the longest-running trial when faults are unknown', () => {
    const trials = [trial('a', 100, 500, 5, null), trial('b', 100, 500, 2, 90_000)];
    assert.equal(findOverBudget(trials, 900 * MB)?.culprit, 'b');
    assert.equal(findOverBudget([trial('a', 100, 500, 1, null), trial('b', 100, 500, 2, null)], 900 * MB)?.culprit, 'a');
  });

  it('has nothing to judge when no trial runs', () => {
    assert.equal(findOverBudget([], 10_000 * MB), null);
  });
});

describe('RecentFaults', () => {
  it('counts faults over about the last second only', () => {
    const recent = new RecentFaults(1);
    assert.equal(recent.record(0, 1000), 0);
    assert.equal(recent.record(0.5, 1500), 500);
    assert.equal(recent.record(1.0, 1600), 600);
    // The base moves up to the newest reading at least a second old.
    assert.equal(recent.record(1.6, 1700), 200);
  });
});

describe('process and thread readings', () => {
  it('reads a positive footprint, and this thread\'s faults where /proc exists', () => {
    assert.ok(workersFootprint() > 0);
    const tid = currentOsThreadId();
    if (process.platform === 'linux') {
      assert.ok(tid !== null);
      assert.ok((threadMinorFaults(tid) ?? -1) > 0);
    } else {
      assert.equal(threadMinorFaults(tid), null);
    }
    assert.equal(threadMinorFaults(null), null);
  });
});
