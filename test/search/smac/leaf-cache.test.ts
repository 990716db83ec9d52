import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Surrogate } from '../../../src/search/smac/surrogate.ts';
import { resolveSmacSettings } from '../../../src/search/smac/defaults.ts';
import { LeafCache } from '../../../src/search/smac/leaf-cache.ts';
import type { FeatureMatrix, RowMajorMatrix } from '../../../src/components/matrix.ts';
import { Rng } from '../../../src/util/rng.ts';

const D = 4;

function observations(n: number, rng: Rng): { x: FeatureMatrix; y: Float64Array } {
  const columns = Array.from({ length: D }, () => Float64Array.from({ length: n }, () => rng.next()));
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(6 * columns[0]![i]!) + columns[1]![i]! ** 2 + 0.1 * rng.next());
  return { x: { nRows: n, columns }, y };
}

describe('leaf cache', () => {
  it('predicts exactly what an uncached prediction gives, through partial refits and rewritten rows', () => {
    const rng = new Rng(11);
    const pool: RowMajorMatrix = { nRows: 300, nFeatures: D, data: Float64Array.from({ length: 300 * D }, () => rng.next()) };
    const cache = new LeafCache(pool.nRows);
    const surrogate = new Surrogate(resolveSmacSettings({ refit_fraction: 0.3 }), 5);
    for (let round = 0; round < 6; round++) {
      const { x, y } = observations(40 + 10 * round, rng);
      surrogate.fit(x, y);
      // A run of rewritten rows, wrapping around the end as the random pool's cursor does.
      for (let k = 0; k < 40; k++) {
        const row = (round * 97 + k) % pool.nRows;
        for (let j = 0; j < D; j++) pool.data[row * D + j] = rng.next();
        cache.markStale(row);
      }
      const cached = surrogate.predictRows(pool, cache);
      const fresh = surrogate.predictRows(pool);
      assert.deepEqual([...cached.mean], [...fresh.mean], `mean, round ${round}`);
      assert.deepEqual([...cached.variance], [...fresh.variance], `variance, round ${round}`);
    }
  });

  it('predicts row-major rows as the column-major path does', () => {
    const rng = new Rng(12);
    const { x, y } = observations(80, rng);
    const surrogate = new Surrogate(resolveSmacSettings({}), 6);
    surrogate.fit(x, y);
    const rows: RowMajorMatrix = { nRows: x.nRows, nFeatures: D, data: Float64Array.from({ length: x.nRows * D }, (_, k) => x.columns[k % D]![Math.floor(k / D)]!) };
    const byRows = surrogate.predictRows(rows);
    const byColumns = surrogate.predict(x);
    assert.deepEqual([...byRows.mean], [...byColumns.mean]);
    assert.deepEqual([...byRows.variance], [...byColumns.variance]);
  });
});
