/** Stratified two-way split of validation rows, shared by cross-fitting and the calibrator choice. */
import { Rng } from '../util/rng.ts';

/** Half (0 or 1) of each row: every class's rows shuffled by the seed, then dealt alternately. */
export function stratifiedHalves(codes: Int32Array, nClasses: number, seed: number): Uint8Array {
  const rng = new Rng(seed);
  const byClass: number[][] = Array.from({ length: nClasses }, () => []);
  codes.forEach((code, row) => byClass[code]!.push(row));
  const half = new Uint8Array(codes.length);
  // Alternation continues across classes, so odd-sized classes do not all leave their extra row in half 0.
  let turn = 0;
  for (const rows of byClass) {
    for (const row of rng.shuffle(rows)) {
      half[row] = turn;
      turn = 1 - turn;
    }
  }
  return half;
}
