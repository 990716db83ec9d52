import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fullSecondsOf, LOW_FIDELITY_LIMIT_FLOOR, LOW_FIDELITY_TIME_MARGIN, trialSecondsAt } from '../../../src/search/fidelity/trial-seconds.ts';
import { MIN_SECONDS } from '../../../src/search/trial-time-limit.ts';

describe('trialSecondsAt', () => {
  it('is the full limit at full fidelity and a margin over the share below it', () => {
    assert.equal(trialSecondsAt(30, 1), 30);
    assert.equal(trialSecondsAt(30, 1 / 3), (30 * LOW_FIDELITY_TIME_MARGIN) / 3);
    assert.equal(trialSecondsAt(30, 0.75), 30, 'never above the full limit');
  });

  it('gives the lowest rungs at least a floor share of the full limit, and never less than a second', () => {
    assert.equal(trialSecondsAt(30, 1 / 9), 30 * LOW_FIDELITY_LIMIT_FLOOR);
    assert.equal(trialSecondsAt(30, 1 / 27), 30 * LOW_FIDELITY_LIMIT_FLOOR);
    assert.equal(trialSecondsAt(1.5, 1 / 9), MIN_SECONDS);
    assert.equal(trialSecondsAt(0.5, 1 / 9), 0.5, 'nor more than a full limit shorter than a second');
  });
});

describe('fullSecondsOf', () => {
  it('scales a lower fidelity fit time up to the full trial it stands for', () => {
    assert.equal(fullSecondsOf(2, 1 / 4), 8);
    assert.equal(fullSecondsOf(2, 1), 2);
  });
});
