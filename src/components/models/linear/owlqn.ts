/**
 * Limited-memory quasi-Newton minimiser for  f(θ) + Σ_p l1_p |θ_p|  with f smooth and convex.
 *
 * With no L1 weights this is plain L-BFGS with a backtracking (Armijo) line search. With L1
 * weights it is OWL-QN (orthant-wise limited-memory quasi-Newton): the search direction is
 * computed from the pseudo-gradient of the non-smooth objective, restricted to the orthant the
 * current point lies in, and every trial point is projected back onto that orthant, which is
 * what sets coefficients to exact zeros. One code path thus serves the l2, l1 and elastic-net
 * penalties, with the curvature memory that plain proximal-gradient methods lack.
 */
import { axpy, dot, maxAbs } from './vector.ts';

/** Writes ∇f(θ) into `gradient` and returns f(θ). */
export type SmoothObjective = (theta: Float64Array, gradient: Float64Array) => number;

export interface MinimiseOptions {
  readonly maxIter: number;
  /** Stop when the largest component of the (pseudo-)gradient is at most this. */
  readonly tol: number;
  /** L1 weight per parameter (0 where a parameter is not L1-penalised); omit for none. */
  readonly l1?: Float64Array;
  /** Number of curvature pairs remembered. */
  readonly memory?: number;
}

export interface MinimiseResult {
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 40;
/** Relative decrease below which further iterations cannot improve f in double precision. */
const FLAT_DECREASE = 64 * Number.EPSILON;

/** Minimises in place: `theta` holds the starting point on entry and the minimiser on return. */
export function minimise(objective: SmoothObjective, theta: Float64Array, options: MinimiseOptions): MinimiseResult {
  const n = theta.length;
  const l1 = options.l1 !== undefined && maxAbs(options.l1) > 0 ? options.l1 : undefined;
  const memory = options.memory ?? 10;
  const history = new CurvatureHistory(n, memory);

  let gradient = new Float64Array(n);
  let value = objective(theta, gradient) + l1Norm(theta, l1);
  const pseudo = new Float64Array(n);
  pseudoGradient(theta, gradient, l1, pseudo);

  const direction = new Float64Array(n);
  const orthant = new Float64Array(n);
  const trial = new Float64Array(n);
  let trialGradient = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);

  let iterations = 0;
  let converged = false;
  while (true) {
    if (maxAbs(pseudo) <= options.tol) {
      converged = true;
      break;
    }
    if (iterations >= options.maxIter) break;
    iterations++;

    history.applyInverseHessian(pseudo, direction);
    for (let p = 0; p < n; p++) direction[p] = -direction[p]!;
    if (l1 !== undefined) {
      // Keep only the components that descend along the pseudo-gradient on L1 coordinates.
      for (let p = 0; p < n; p++) if (l1[p]! > 0 && direction[p]! * pseudo[p]! >= 0) direction[p] = 0;
    }
    let slope = dot(direction, pseudo);
    if (!(slope < 0)) {
      // The curvature memory no longer yields a descent direction: restart from steepest descent.
      history.clear();
      for (let p = 0; p < n; p++) direction[p] = -pseudo[p]!;
      slope = dot(direction, pseudo);
    }
    if (l1 !== undefined) {
      for (let p = 0; p < n; p++) {
        const t = theta[p]!;
        orthant[p] = t !== 0 ? Math.sign(t) : -Math.sign(pseudo[p]!);
      }
    }

    // Without curvature information, a unit step along -g could be arbitrarily long.
    let step = history.size === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let accepted = false;
    let trialValue = value;
    for (let backtrack = 0; backtrack < MAX_BACKTRACKS; backtrack++) {
      for (let p = 0; p < n; p++) trial[p] = theta[p]! + step * direction[p]!;
      if (l1 !== undefined) {
        for (let p = 0; p < n; p++) if (l1[p]! > 0 && trial[p]! * orthant[p]! <= 0) trial[p] = 0;
      }
      trialValue = objective(trial, trialGradient) + l1Norm(trial, l1);
      let decrease = 0;
      for (let p = 0; p < n; p++) decrease += pseudo[p]! * (trial[p]! - theta[p]!);
      if (trialValue <= value + ARMIJO * decrease) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break; // no representable decrease left along any direction we can compute

    for (let p = 0; p < n; p++) {
      s[p] = trial[p]! - theta[p]!;
      y[p] = trialGradient[p]! - gradient[p]!;
    }
    history.push(s, y);

    const previousValue = value;
    theta.set(trial); // the caller owns theta, so the accepted point is copied into it
    [gradient, trialGradient] = [trialGradient, gradient];
    value = trialValue;
    pseudoGradient(theta, gradient, l1, pseudo);
    if (previousValue - value <= FLAT_DECREASE * Math.max(Math.abs(previousValue), Math.abs(value), 1)) {
      converged = maxAbs(pseudo) <= options.tol;
      break;
    }
  }
  return { value, iterations, converged };
}

function l1Norm(theta: Float64Array, l1: Float64Array | undefined): number {
  if (l1 === undefined) return 0;
  let total = 0;
  for (let p = 0; p < theta.length; p++) total += l1[p]! * Math.abs(theta[p]!);
  return total;
}

/**
 * Minimum-norm subgradient of f + Σ l1_p|θ_p|. At θ_p = 0 it is zero when the smooth gradient
 * lies inside [-l1_p, l1_p], i.e. when staying at zero is optimal for that coordinate.
 */
function pseudoGradient(theta: Float64Array, gradient: Float64Array, l1: Float64Array | undefined, out: Float64Array): void {
  if (l1 === undefined) {
    out.set(gradient);
    return;
  }
  for (let p = 0; p < theta.length; p++) {
    const g = gradient[p]!;
    const lambda = l1[p]!;
    const t = theta[p]!;
    if (t > 0) out[p] = g + lambda;
    else if (t < 0) out[p] = g - lambda;
    else if (g + lambda < 0) out[p] = g + lambda;
    else if (g - lambda > 0) out[p] = g - lambda;
    else out[p] = 0;
  }
}

/** Ring buffer of (s, y) pairs and the two-loop recursion that applies the L-BFGS inverse Hessian. */
class CurvatureHistory {
  private readonly s: Float64Array[];
  private readonly y: Float64Array[];
  private readonly rho: Float64Array;
  private readonly alpha: Float64Array;
  private start = 0;
  size = 0;

  constructor(n: number, private readonly capacity: number) {
    this.s = Array.from({ length: capacity }, () => new Float64Array(n));
    this.y = Array.from({ length: capacity }, () => new Float64Array(n));
    this.rho = new Float64Array(capacity);
    this.alpha = new Float64Array(capacity);
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
  }

  /** Stores a pair only when it carries positive curvature, which keeps the inverse Hessian positive definite. */
  push(s: Float64Array, y: Float64Array): void {
    const sy = dot(s, y);
    const yy = dot(y, y);
    if (!(sy > 1e-12 * yy) || !(yy > 0)) return;
    const slot = (this.start + this.size) % this.capacity;
    this.s[slot]!.set(s);
    this.y[slot]!.set(y);
    this.rho[slot] = 1 / sy;
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** out = H · v, with H the L-BFGS inverse-Hessian approximation. */
  applyInverseHessian(v: Float64Array, out: Float64Array): void {
    out.set(v);
    if (this.size === 0) return;
    for (let m = this.size - 1; m >= 0; m--) {
      const slot = (this.start + m) % this.capacity;
      const a = this.rho[slot]! * dot(this.s[slot]!, out);
      this.alpha[slot] = a;
      axpy(-a, this.y[slot]!, out);
    }
    const newest = (this.start + this.size - 1) % this.capacity;
    const yNewest = this.y[newest]!;
    const gamma = 1 / (this.rho[newest]! * dot(yNewest, yNewest));
    for (let p = 0; p < out.length; p++) out[p] = out[p]! * gamma;
    for (let m = 0; m < this.size; m++) {
      const slot = (this.start + m) % this.capacity;
      const b = this.rho[slot]! * dot(this.y[slot]!, out);
      axpy(this.alpha[slot]! - b, this.s[slot]!, out);
    }
  }
}
