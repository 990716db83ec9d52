/**
 * MLP hyperparameters. Names and meanings follow scikit-learn's MLPClassifier / MLPRegressor
 * (Adam, alpha as an L2 penalty scaled by the batch size) so that ranges and defaults carry over.
 */
import { AutoMLError } from '../../../util/errors.ts';

export type Activation = 'relu' | 'tanh';

export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh'];

export function isActivation(value: unknown): value is Activation {
  return typeof value === 'string' && (ACTIVATIONS as readonly string[]).includes(value);
}

/**
 * 'valid': stop on a held-out validation slice (falling back to 'train' when the slice would hold
 * fewer than 30 rows, see holdout.ts); 'train': stop when the training loss stalls. Either way
 * the weights of the best monitored epoch are kept.
 */
export type EarlyStopping = 'valid' | 'train';

export function isEarlyStopping(value: unknown): value is EarlyStopping {
  return value === 'valid' || value === 'train';
}

export interface MlpParams {
  /** Number of hidden layers, 1–3. */
  readonly hidden_layer_depth: number;
  /** Units in every hidden layer. */
  readonly num_nodes_per_layer: number;
  readonly activation: Activation;
  /** L2 penalty on the weights (not the biases): alpha/2 · ‖W‖² per batch, divided by the batch size. */
  readonly alpha: number;
  /** Adam step size. */
  readonly learning_rate_init: number;
  /** Rows per gradient step; 'auto' = min(200, training rows). */
  readonly batch_size: number | 'auto';
  /** Upper bound on passes over the training rows. */
  readonly max_epochs: number;
  readonly early_stopping: EarlyStopping;
  /** Share of the rows held out for 'valid' early stopping (stratified by class). */
  readonly validation_fraction: number;
  /** Epochs without an improvement of at least `tol` before training stops. */
  readonly n_iter_no_change: number;
  readonly tol: number;
  /** Seeds the weight initialisation, the validation split and the batch shuffling. */
  readonly seed: number;
}

export const MLP_DEFAULTS: MlpParams = Object.freeze({
  hidden_layer_depth: 1,
  num_nodes_per_layer: 32,
  activation: 'relu',
  alpha: 1e-4,
  learning_rate_init: 1e-3,
  batch_size: 'auto',
  max_epochs: 200,
  early_stopping: 'valid',
  validation_fraction: 0.1,
  n_iter_no_change: 10,
  tol: 1e-4,
  seed: 0,
});

export const MLP_TYPE = 'mlp';

function requireOption(ok: boolean, name: string, value: unknown, expected: string): void {
  if (!ok) throw new AutoMLError('BAD_OPTION', `${MLP_TYPE}: ${name} must be ${expected}, got ${String(value)}`);
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Merges options over the defaults and checks every value (BAD_OPTION on the first bad one). */
export function resolveMlpParams(options: Partial<MlpParams>): MlpParams {
  const p: MlpParams = { ...MLP_DEFAULTS, ...options };
  requireOption(isIntegerIn(p.hidden_layer_depth, 1, 3), 'hidden_layer_depth', p.hidden_layer_depth, 'an integer in 1..3');
  requireOption(isIntegerIn(p.num_nodes_per_layer, 1, 4096), 'num_nodes_per_layer', p.num_nodes_per_layer, 'an integer in 1..4096');
  requireOption(isActivation(p.activation), 'activation', p.activation, `one of ${ACTIVATIONS.join(', ')}`);
  requireOption(Number.isFinite(p.alpha) && p.alpha >= 0, 'alpha', p.alpha, 'a finite number >= 0');
  requireOption(Number.isFinite(p.learning_rate_init) && p.learning_rate_init > 0, 'learning_rate_init', p.learning_rate_init, 'a finite number > 0');
  requireOption(
    p.batch_size === 'auto' || (typeof p.batch_size === 'number' && isIntegerIn(p.batch_size, 1, Number.MAX_SAFE_INTEGER)),
    'batch_size', p.batch_size, "'auto' or an integer >= 1",
  );
  requireOption(isIntegerIn(p.max_epochs, 1, 100_000), 'max_epochs', p.max_epochs, 'an integer in 1..100000');
  requireOption(isEarlyStopping(p.early_stopping), 'early_stopping', p.early_stopping, "'valid' or 'train'");
  requireOption(p.validation_fraction > 0 && p.validation_fraction < 1, 'validation_fraction', p.validation_fraction, 'in (0, 1)');
  requireOption(isIntegerIn(p.n_iter_no_change, 1, 100_000), 'n_iter_no_change', p.n_iter_no_change, 'an integer >= 1');
  requireOption(Number.isFinite(p.tol) && p.tol >= 0, 'tol', p.tol, 'a finite number >= 0');
  requireOption(Number.isInteger(p.seed), 'seed', p.seed, 'an integer');
  return Object.freeze(p);
}

/** Rows per gradient step for `nRows` training rows. */
export function effectiveBatchSize(batchSize: number | 'auto', nRows: number): number {
  const wanted = batchSize === 'auto' ? 200 : batchSize;
  return Math.max(1, Math.min(wanted, nRows));
}
