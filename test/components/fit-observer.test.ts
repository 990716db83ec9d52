import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CheckpointSchedule, checkpointIteration, scheduleFor } from '../../src/components/fit-observer.ts';
import { recordingObserver } from '../helpers/recording-observer.ts';

const constant = () => () => ({ kind: 'regression' as const, values: new Float64Array(0) });

describe('checkpointIteration', () => {
  it('rounds the share of the iterations, at least 1, and drops a share only the last iteration reaches', () => {
    assert.equal(checkpointIteration(1 / 8, 100), 13);
    assert.equal(checkpointIteration(1 / 2, 100), 50);
    assert.equal(checkpointIteration(1 / 8, 4), 1);
    assert.equal(checkpointIteration(1 / 2, 2), 1);
    assert.equal(checkpointIteration(1 / 2, 1), undefined);
    assert.equal(checkpointIteration(0.9, 4), undefined);
  });
});

describe('CheckpointSchedule', () => {
  it('reports each share once, when its iteration is passed, building the predictor only then', () => {
    const observer = recordingObserver([1 / 8, 1 / 4, 1 / 2]);
    const schedule = new CheckpointSchedule(observer, 16);
    let built = 0;
    const soFar = () => {
      built++;
      return constant();
    };
    for (let done = 1; done <= 16; done++) assert.equal(schedule.reached(done, soFar), false);
    assert.deepEqual(observer.reported, [1 / 8, 1 / 4, 1 / 2]);
    assert.equal(built, 3);
  });

  it('reports every share passed at once when iterations jump, with one predictor, and stops when told', () => {
    const observer = recordingObserver([1 / 8, 1 / 4, 1 / 2], 1 / 4);
    const schedule = new CheckpointSchedule(observer, 16);
    let built = 0;
    const stop = schedule.reached(5, () => {
      built++;
      return constant();
    });
    assert.equal(stop, true);
    assert.deepEqual(observer.reported, [1 / 8, 1 / 4]);
    assert.equal(built, 1);
  });

  it('is absent without an observer', () => {
    assert.equal(scheduleFor(undefined, 100), undefined);
  });
});
