/**
 * The component registry: every pipeline slot with the components that may fill it, the search
 * space composed from their declarations, and the factory that turns a configuration back into an
 * unfitted pipeline. The full space is a pure function of the dataset's properties.
 *
 * Naming: a slot's choice is `${slot}:__choice__`; a component's hyperparameter `h` is
 * `${slot}:${id}:${h}`, active only when that component is chosen.
 */
import type { Dataset, Task } from '../data/dataset.ts';
import { CategoricalHyperparameter, ConfigurationSpace, ForbiddenAnd, ForbiddenEquals, ForbiddenIn, type Configuration } from '../space/index.ts';
import { taskFamily } from '../metrics/scorers.ts';
import { mixSeed } from '../util/rng.ts';
import { AutoMLError } from '../util/errors.ts';
import type { ComponentContext, ComponentSpec } from './component.ts';
import type { Model } from './model.ts';
import type { DatasetTransformer, Encoder, MatrixTransformer } from './transformer.ts';
import { Pipeline } from './pipeline.ts';
import { BALANCING_STRATEGIES, type BalancingStrategy } from './preprocessing/balancing.ts';
import { IMPUTATION_COMPONENTS } from './catalog/imputation.ts';
import { COALESCING_COMPONENTS } from './catalog/coalescing.ts';
import { ENCODING_COMPONENTS } from './catalog/encoding.ts';
import { RESCALING_COMPONENTS } from './catalog/rescaling.ts';
import { FEATURE_PREPROCESSOR_COMPONENTS } from './catalog/feature-preprocessors.ts';
import { CLASSIFIER_COMPONENTS, REGRESSOR_COMPONENTS } from './catalog/models.ts';
import { widthForbiddens } from './catalog/width-rules.ts';

interface Slot<T> {
  readonly name: string;
  readonly components: readonly ComponentSpec<T>[];
  /** Preferred default choice when it applies (else the first applicable component). */
  readonly defaultId: string;
}

const IMPUTATION: Slot<DatasetTransformer> = { name: 'imputation', components: IMPUTATION_COMPONENTS, defaultId: 'simple' };
const COALESCING: Slot<DatasetTransformer | null> = { name: 'coalescing', components: COALESCING_COMPONENTS, defaultId: 'minority_coalescer' };
const ENCODING: Slot<Encoder> = { name: 'encoding', components: ENCODING_COMPONENTS, defaultId: 'one_hot' };
const RESCALING: Slot<MatrixTransformer> = { name: 'rescaling', components: RESCALING_COMPONENTS, defaultId: 'standard' };
const FEATURE_PREPROCESSING: Slot<MatrixTransformer> = {
  name: 'feature_preprocessor',
  components: FEATURE_PREPROCESSOR_COMPONENTS,
  defaultId: 'no_preprocessing',
};
/**
 * The default configuration is the first trial of every search, so its model must be strong and
 * fast at any size: histogram gradient boosting (early stopping on large data) is both, where a
 * fully grown forest can take a short budget's whole first trial on tens of thousands of rows.
 */
const CLASSIFIER: Slot<Model> = { name: 'classifier', components: CLASSIFIER_COMPONENTS, defaultId: 'gradient_boosting' };
const REGRESSOR: Slot<Model> = { name: 'regressor', components: REGRESSOR_COMPONENTS, defaultId: 'gradient_boosting' };

export const BALANCING_HP = 'balancing:strategy';

function modelSlot(task: Task): Slot<Model> {
  return task === 'regression' ? REGRESSOR : CLASSIFIER;
}

export function componentContextFor(features: Dataset, task: Task): ComponentContext {
  let nCategorical = 0;
  let nEncoded = 0;
  for (const column of features.columns) {
    if (column.kind === 'categorical') {
      nCategorical++;
      nEncoded += column.categories.length + 1;
    } else nEncoded++;
  }
  return { task, nRows: features.nRows, nFeatures: features.columns.length, nNumeric: features.columns.length - nCategorical, nCategorical, nEncoded };
}

function applicable<T>(slot: Slot<T>, context: ComponentContext): ComponentSpec<T>[] {
  const family = taskFamily(context.task);
  return slot.components.filter((c) => c.families.includes(family) && (c.appliesTo?.(context) ?? true));
}

/** Component ids allowed per slot name; a slot not listed allows every applicable component. */
export type SlotRestriction = Readonly<Record<string, readonly string[]>>;

function addSlot<T>(space: ConfigurationSpace, slot: Slot<T>, context: ComponentContext, restriction: SlotRestriction): void {
  const allowed = restriction[slot.name];
  const components = applicable(slot, context).filter((c) => allowed === undefined || allowed.includes(c.id));
  if (components.length === 0) throw new AutoMLError('INTERNAL', `no component applies to slot ${slot.name}`);
  const ids = components.map((c) => c.id);
  const defaultId = ids.includes(slot.defaultId) ? slot.defaultId : ids[0]!;
  const choice = `${slot.name}:__choice__`;
  space.addHyperparameter(new CategoricalHyperparameter(choice, ids, { default: defaultId }));
  for (const component of components) {
    const sub = component.space(context);
    if (sub.size > 0) space.addSubspace(`${slot.name}:${component.id}`, sub, { name: choice, value: component.id });
  }
}

/** The full CASH space for a dataset: preprocessing × feature preprocessing × algorithm × hyperparameters. */
export function buildSearchSpace(context: ComponentContext, restriction: SlotRestriction = {}): ConfigurationSpace {
  const space = new ConfigurationSpace();
  addSlot(space, IMPUTATION, context, restriction);
  if (context.nCategorical > 0) {
    addSlot(space, COALESCING, context, restriction);
    addSlot(space, ENCODING, context, restriction);
  }
  addSlot(space, RESCALING, context, restriction);
  if (context.task !== 'regression') {
    const allowed = restriction['balancing'] ?? BALANCING_STRATEGIES;
    space.addHyperparameter(new CategoricalHyperparameter(BALANCING_HP, [...allowed], { default: allowed.includes('none') ? 'none' : allowed[0]! }));
  }
  addSlot(space, FEATURE_PREPROCESSING, context, restriction);
  addSlot(space, modelSlot(context.task), context, restriction);
  addForbiddens(space, context);
  return space;
}

/**
 * Combinations known to be pointless or invalid: kernel approximations and polynomial expansions
 * in front of tree models (trees gain nothing and pay the cost), kernel approximations in front of
 * the kernel SVM or the discriminant analyses (their cost is cubic in the width, and thousands of
 * random features made one iris trial take a minute), multinomial naive Bayes after rescalers
 * or projections that produce negative values, and the width rules of catalog/width-rules.ts.
 */
function addForbiddens(space: ConfigurationSpace, context: ComponentContext): void {
  const model = `${modelSlot(context.task).name}:__choice__`;
  const fp = 'feature_preprocessor:__choice__';
  const present = (name: string, values: readonly string[]): string[] => {
    const hp = space.get(name);
    if (!(hp instanceof CategoricalHyperparameter)) return [];
    return values.filter((v) => hp.choices.includes(v));
  };
  const treeModels = present(model, ['decision_tree', 'random_forest', 'extra_trees', 'gradient_boosting', 'xgboost']);
  const expansions = present(fp, ['nystroem', 'random_fourier', 'polynomial']);
  if (treeModels.length > 0 && expansions.length > 0) {
    space.addForbidden(new ForbiddenAnd(new ForbiddenIn(model, treeModels), new ForbiddenIn(fp, expansions)));
  }
  // A kernel machine on an approximated kernel map only pays twice for the same thing.
  const kernelApproximations = present(fp, ['nystroem', 'random_fourier']);
  const kernelAverse = present(model, ['svm', 'lda', 'qda']);
  if (kernelAverse.length > 0 && kernelApproximations.length > 0) {
    space.addForbidden(new ForbiddenAnd(new ForbiddenIn(model, kernelAverse), new ForbiddenIn(fp, kernelApproximations)));
  }
  const nonNegativeOnly = present(model, ['multinomial_nb']);
  const negativeRescalers = present('rescaling:__choice__', ['standard', 'robust', 'power', 'quantile']);
  if (nonNegativeOnly.length > 0 && negativeRescalers.length > 0) {
    space.addForbidden(new ForbiddenAnd(new ForbiddenEquals(model, 'multinomial_nb'), new ForbiddenIn('rescaling:__choice__', negativeRescalers)));
  }
  const negativeProjections = present(fp, ['pca', 'random_fourier', 'nystroem']);
  if (nonNegativeOnly.length > 0 && negativeProjections.length > 0) {
    space.addForbidden(new ForbiddenAnd(new ForbiddenEquals(model, 'multinomial_nb'), new ForbiddenIn(fp, negativeProjections)));
  }
  space.addForbiddens(widthForbiddens(space, context, model));
}

/** The unprefixed parameters of the component chosen for a slot. */
function chosen<T>(slot: Slot<T>, config: Configuration): { spec: ComponentSpec<T>; params: Configuration } {
  const id = config[`${slot.name}:__choice__`];
  const spec = slot.components.find((c) => c.id === id);
  if (spec === undefined) throw new AutoMLError('ILLEGAL_VALUE', `no ${slot.name} component "${String(id)}"`);
  const prefix = `${slot.name}:${spec.id}:`;
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(config)) if (key.startsWith(prefix)) params[key.slice(prefix.length)] = value;
  return { spec, params };
}

/**
 * Builds the component a configuration chooses for a slot. A slot absent from the configuration
 * (a restricted space file may leave it out) gets its fallback component with default values.
 */
function create<T>(slot: Slot<T>, config: Configuration, seed: number, index: number, context: ComponentContext, fallbackId: string = slot.defaultId): T {
  if (config[`${slot.name}:__choice__`] === undefined) {
    const spec = slot.components.find((c) => c.id === fallbackId)!;
    return spec.create(spec.space(context).defaultConfiguration(), mixSeed(seed, index), context);
  }
  const { spec, params } = chosen(slot, config);
  return spec.create(params, mixSeed(seed, index), context);
}

/** An unfitted pipeline for a configuration, plus its balancing choice. */
export function instantiatePipeline(config: Configuration, context: ComponentContext, seed: number): { pipeline: Pipeline; balancing: BalancingStrategy } {
  const datasetSteps: DatasetTransformer[] = [create(IMPUTATION, config, seed, 1, context)];
  let encoder: Encoder;
  if (context.nCategorical > 0) {
    const coalescer = create(COALESCING, config, seed, 2, context, 'no_coalescing');
    if (coalescer !== null) datasetSteps.push(coalescer);
    encoder = create(ENCODING, config, seed, 3, context);
  } else {
    // Without categorical columns the encoder only assembles the numeric matrix.
    encoder = ENCODING_COMPONENTS.find((c) => c.id === 'one_hot')!.create({}, seed, context);
  }
  const matrixSteps = [
    create(RESCALING, config, seed, 4, context, 'none'),
    create(FEATURE_PREPROCESSING, config, seed, 5, context, 'no_preprocessing'),
  ];
  const slot = modelSlot(context.task);
  if (config[`${slot.name}:__choice__`] === undefined) {
    throw new AutoMLError('BAD_SPACE', `the configuration chooses no ${slot.name}`, { hint: `a search space for a ${context.task} task needs "${slot.name}:__choice__"` });
  }
  const model = create(slot, config, seed, 6, context);
  const balancingValue = config[BALANCING_HP];
  const balancing: BalancingStrategy = balancingValue === 'weighting' ? 'weighting' : 'none';
  return { pipeline: new Pipeline({ datasetSteps, encoder, matrixSteps, model }), balancing };
}

/** Every slot with its components, for checking space files against the registry. */
export function slotCatalogue(): readonly { name: string; components: readonly ComponentSpec<unknown>[] }[] {
  return [IMPUTATION, COALESCING, ENCODING, RESCALING, FEATURE_PREPROCESSING, CLASSIFIER, REGRESSOR];
}

/** The algorithm a configuration chooses, e.g. "random_forest". */
export function algorithmOf(config: Configuration): string {
  return String(config[`${CLASSIFIER.name}:__choice__`] ?? config[`${REGRESSOR.name}:__choice__`] ?? 'unknown');
}

/** Compact description of the preprocessing choices, for leaderboards. */
export function describePreprocessing(config: Configuration): string {
  const parts: string[] = [];
  const strategy = config['imputation:simple:strategy'];
  if (strategy !== undefined) parts.push(`impute=${String(strategy)}`);
  for (const slot of ['encoding', 'rescaling', 'feature_preprocessor']) {
    const value = config[`${slot}:__choice__`];
    if (value !== undefined) parts.push(`${slot === 'feature_preprocessor' ? 'fp' : slot}=${String(value)}`);
  }
  if (config[BALANCING_HP] === 'weighting') parts.push('balanced');
  return parts.join(' ');
}
