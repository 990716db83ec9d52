/**
 * Eigen-decomposition of a real symmetric matrix (covariance matrices for PCA, kernel matrices
 * for the Nyström approximation), in two classical steps:
 *   1. Householder reflections reduce the matrix to tridiagonal form T = Qᵀ A Q;
 *   2. the QL algorithm with implicit Wilkinson-type shifts diagonalises T, its plane
 *      rotations accumulated into Q.
 * Cost O(n³). The basis is kept transposed (row k = k-th basis vector) so that every update
 * walks contiguous memory.
 */
import { AutoMLError } from '../../util/errors.ts';

export interface SymmetricEigen {
  /** Eigenvalues in descending order (ties keep their order of discovery). */
  readonly values: Float64Array;
  /** Row-major n×n: row k (entries k·n .. k·n+n−1) is the unit eigenvector of values[k]. */
  readonly vectors: Float64Array;
}

/** Sweeps allowed per eigenvalue; convergence is cubic, so reaching this means non-finite input. */
const MAX_ITERATIONS = 60;

/** @param matrix row-major n×n symmetric matrix (only read) */
export function symmetricEigen(matrix: Float64Array, n: number): SymmetricEigen {
  if (matrix.length !== n * n) throw new AutoMLError('INTERNAL', `symmetricEigen: ${matrix.length} entries for n = ${n}`);
  if (!matrix.every(Number.isFinite)) throw new AutoMLError('DEGENERATE_INPUT', 'eigen-decomposition of a matrix with non-finite entries');
  const work = matrix.slice();
  const basis = new Float64Array(n * n);
  for (let i = 0; i < n; i++) basis[i * n + i] = 1;
  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(n);
  reduceToTridiagonal(work, basis, n, diagonal, offDiagonal);
  diagonaliseTridiagonal(diagonal, offDiagonal, basis, n);

  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => diagonal[b]! - diagonal[a]! || a - b);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((source, k) => {
    values[k] = diagonal[source]!;
    vectors.set(basis.subarray(source * n, source * n + n), k * n);
  });
  return { values, vectors };
}

/**
 * Overwrites `a` with T = Hₙ₋₃ … H₀ A H₀ … Hₙ₋₃ and right-multiplies the basis by each H,
 * then copies T's diagonal and its first off-diagonal (offDiagonal[i] couples i and i+1).
 */
function reduceToTridiagonal(a: Float64Array, basisT: Float64Array, n: number, diagonal: Float64Array, offDiagonal: Float64Array): void {
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  const projections = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // Scaling the column first keeps the squared norm from overflowing or underflowing.
    let scale = 0;
    for (let i = k + 1; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + k]!));
    if (scale === 0) continue;
    let normSquared = 0;
    for (let i = k + 1; i < n; i++) {
      v[i] = a[i * n + k]! / scale;
      normSquared += v[i]! * v[i]!;
    }
    // Reflect onto −sign(x₀)‖x‖ e₁: subtracting a value of the opposite sign never cancels.
    const alpha = v[k + 1]! > 0 ? -Math.sqrt(normSquared) : Math.sqrt(normSquared);
    v[k + 1] = v[k + 1]! - alpha;
    let vNormSquared = 0;
    for (let i = k + 1; i < n; i++) vNormSquared += v[i]! * v[i]!;
    if (vNormSquared === 0) continue;
    const inverseNorm = 1 / Math.sqrt(vNormSquared);
    for (let i = k + 1; i < n; i++) v[i] = v[i]! * inverseNorm;

    // With H = I − 2vvᵀ and p = A v: H A H = A − 2(v wᵀ + w vᵀ), w = p − (vᵀp) v.
    let vp = 0;
    for (let i = k + 1; i < n; i++) {
      let sum = 0;
      const row = i * n;
      for (let j = k + 1; j < n; j++) sum += a[row + j]! * v[j]!;
      w[i] = sum;
      vp += v[i]! * sum;
    }
    for (let i = k + 1; i < n; i++) w[i] = w[i]! - vp * v[i]!;
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const vi = v[i]!;
      const wi = w[i]!;
      for (let j = k + 1; j < n; j++) a[row + j] = a[row + j]! - 2 * (vi * w[j]! + wi * v[j]!);
    }
    a[(k + 1) * n + k] = alpha * scale;
    a[k * n + k + 1] = alpha * scale;
    for (let i = k + 2; i < n; i++) {
      a[i * n + k] = 0;
      a[k * n + i] = 0;
    }

    // Basis ← basis · H, on the transposed basis: row i −= 2 v[i] Σ_r (v[r] row r).
    projections.fill(0);
    for (let i = k + 1; i < n; i++) {
      const vi = v[i]!;
      const row = i * n;
      for (let r = 0; r < n; r++) projections[r] = projections[r]! + vi * basisT[row + r]!;
    }
    for (let i = k + 1; i < n; i++) {
      const factor = 2 * v[i]!;
      const row = i * n;
      for (let r = 0; r < n; r++) basisT[row + r] = basisT[row + r]! - factor * projections[r]!;
    }
  }
  for (let i = 0; i < n; i++) {
    diagonal[i] = a[i * n + i]!;
    offDiagonal[i] = i + 1 < n ? a[i * n + i + 1]! : 0;
  }
}

/**
 * QL iterations with implicit shifts on the tridiagonal (diagonal, offDiagonal): on return the
 * diagonal holds the eigenvalues and each plane rotation has been applied to the basis rows.
 */
function diagonaliseTridiagonal(d: Float64Array, e: Float64Array, basisT: Float64Array, n: number): void {
  // A coupling is also negligible relative to the whole matrix: near-zero eigenvalues (rank-deficient
  // covariances, duplicated kernel rows) would otherwise never meet a purely local test.
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]!) + Math.abs(e[i]!));
  const floor = Number.EPSILON * norm;
  for (let l = 0; l < n; l++) {
    for (let iteration = 0; ; iteration++) {
      // Find the first negligible coupling at or after l: the block l..m is still unreduced.
      let m = l;
      while (m < n - 1 && Math.abs(e[m]!) > Math.max(floor, Number.EPSILON * (Math.abs(d[m]!) + Math.abs(d[m + 1]!)))) m++;
      if (m === l) break;
      if (iteration === MAX_ITERATIONS) {
        throw new AutoMLError('DEGENERATE_INPUT', 'eigen-decomposition did not converge');
      }
      // Shift from the leading 2×2 block, toward its eigenvalue nearer d[l].
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let sine = 1;
      let cosine = 1;
      let p = 0;
      let deflated = false;
      for (let i = m - 1; i >= l; i--) {
        const f = sine * e[i]!;
        const b = cosine * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // The chase met an exact zero coupling: the block splits; restart on it.
          d[i + 1] = d[i + 1]! - p;
          e[m] = 0;
          deflated = true;
          break;
        }
        sine = f / r;
        cosine = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * sine + 2 * cosine * b;
        p = sine * r;
        d[i + 1] = g + p;
        g = cosine * r - b;
        rotateRows(basisT, n, i, sine, cosine);
      }
      if (deflated) continue;
      d[l] = d[l]! - p;
      e[l] = g;
      e[m] = 0;
    }
  }
}

/** Applies the plane rotation of rows i and i+1 of the transposed basis. */
function rotateRows(basisT: Float64Array, n: number, i: number, sine: number, cosine: number): void {
  const upper = i * n;
  const lower = upper + n;
  for (let r = 0; r < n; r++) {
    const a = basisT[upper + r]!;
    const b = basisT[lower + r]!;
    basisT[lower + r] = sine * a + cosine * b;
    basisT[upper + r] = cosine * a - sine * b;
  }
}
