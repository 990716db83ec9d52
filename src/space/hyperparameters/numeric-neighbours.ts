/**
 * Neighbours of numeric values: gaussian steps in the unit view. A step that leaves [0, 1] is
 * drawn again (the edge is not over-weighted as clipping would do) a bounded number of times,
 * then clipped, so that a value at the edge still gets neighbours.
 */
import type { Rng } from '../../util/rng.ts';
import { clampUnit } from './checks.ts';

/** Standard deviation of a neighbour step in the unit view. */
export const NEIGHBOUR_STEP_STDEV = 0.2;

const REDRAWS_BEFORE_CLIP = 8;
const TRIES_PER_NEIGHBOUR = 16;

/**
 * Up to `count` distinct values different from `current`, each decoded from `unit` plus a
 * gaussian step. `maxDistinct` bounds how many different values exist (integers in a small range).
 */
export function gaussianNeighbours(
  current: number,
  unit: number,
  rng: Rng,
  count: number,
  maxDistinct: number,
  decode: (u: number) => number,
): number[] {
  const wanted = Math.min(count, maxDistinct);
  const found: number[] = [];
  const tries = wanted * TRIES_PER_NEIGHBOUR;
  for (let attempt = 0; attempt < tries && found.length < wanted; attempt++) {
    const value = decode(stepFrom(unit, rng));
    if (value !== current && !found.includes(value)) found.push(value);
  }
  return found;
}

function stepFrom(unit: number, rng: Rng): number {
  let u = unit + NEIGHBOUR_STEP_STDEV * rng.normal();
  for (let redraw = 0; (u < 0 || u > 1) && redraw < REDRAWS_BEFORE_CLIP; redraw++) {
    u = unit + NEIGHBOUR_STEP_STDEV * rng.normal();
  }
  return clampUnit(u);
}

/**
 * Completes integer neighbours when gaussian steps kept landing on the current value (cells wider
 * than the step): the nearest unused integers, alternating sides.
 */
export function fillWithNearestIntegers(
  found: number[],
  current: number,
  lower: number,
  upper: number,
  wanted: number,
): number[] {
  for (let distance = 1; found.length < wanted && (current - distance >= lower || current + distance <= upper); distance++) {
    for (const candidate of [current - distance, current + distance]) {
      if (found.length < wanted && candidate >= lower && candidate <= upper && !found.includes(candidate)) {
        found.push(candidate);
      }
    }
  }
  return found;
}
