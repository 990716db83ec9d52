/**
 * Width rules: a model whose cost grows steeply with the number of columns is kept away from
 * feature preprocessing that leaves it too many, judged from the data's encoded width by one
 * rule rather than per dataset:
 *
 *     forbidden when  modelOperations(rows, width after the preprocessing) > MAX_FIT_OPERATIONS
 *
 * The width after the preprocessing is known before any fit for the choices that do not reduce
 * it: no preprocessing keeps the encoded width, a polynomial expansion multiplies it (degree 2
 * of 60 inputs gives 1 890 columns). The ones that reduce it (PCA, feature selection,
 * agglomeration) stay allowed, so on wide data a costly model is still reachable through them.
 * Kernel approximations in front of these models are ruled out elsewhere (registry.ts).
 */
import type { ComponentContext } from '../component.ts';
import { CategoricalHyperparameter, ConstantHyperparameter, ForbiddenAnd, ForbiddenEquals, IntegerHyperparameter, type ConfigurationSpace, type Forbidden } from '../../space/index.ts';
import { PolynomialFeatures } from '../preprocessing/polynomial-features.ts';

/**
 * Multiply-adds one fit may need. A quadratic discriminant on 104 rows after a degree-2 expansion
 * of 60 features (1 890 columns, about 1.4·10¹⁰ by the estimate below) took 26 s for its five
 * cross-validation fits on a 2-core machine, about 2.7·10⁹ per second: this limit stands for a
 * second or two per fit. It is above what the generic dataset of the shipped spaces (1 000 rows,
 * 40 encoded columns) needs for any of these models after a degree-2 expansion (at most 2·10⁹),
 * so those spaces keep every combination.
 */
export const MAX_FIT_OPERATIONS = 4e9;

/**
 * Leading terms of each width-sensitive model's cost for `rows` training rows of `width`
 * columns. Models not listed (trees, boosting, linear models, naive Bayes, networks) grow
 * linearly in the width and are never ruled out by it.
 */
export const WIDTH_SENSITIVE_MODELS: Readonly<Record<string, (rows: number, width: number) => number>> = {
  // Class covariances (rows × width²) and one Cholesky factor per class (width³ each; at least two classes).
  qda: (rows, width) => rows * width * width + 2 * width ** 3,
  // One pooled covariance and its factorisation.
  lda: (rows, width) => rows * width * width + width ** 3,
  // Kernel evaluations between training rows, each over every column.
  svm: (rows, width) => rows * rows * width,
  // Distances from every validation row to every training row, each over every column.
  k_nearest_neighbors: (rows, width) => rows * rows * width,
};

const FEATURE_PREPROCESSOR = 'feature_preprocessor:__choice__';
const DEGREE = 'feature_preprocessor:polynomial:degree';
const INTERACTION_ONLY = 'feature_preprocessor:polynomial:interaction_only';

/** A preprocessing choice whose output width is known from the input width, with the clauses that single it out. */
interface KnownWidth {
  readonly width: number;
  readonly polynomial: boolean;
  readonly clauses: readonly ForbiddenEquals[];
}

/** Forbidden clauses for the width-sensitive models of `modelChoice` in `space`. */
export function widthForbiddens(space: ConfigurationSpace, context: ComponentContext, modelChoice: string): Forbidden[] {
  const models = choicesOf(space, modelChoice).filter((id) => WIDTH_SENSITIVE_MODELS[id] !== undefined);
  const preprocessors = choicesOf(space, FEATURE_PREPROCESSOR);
  if (models.length === 0 || preprocessors.length === 0) return [];
  const known = knownWidths(space, context.nEncoded, preprocessors);
  const out: Forbidden[] = [];
  for (const model of models) {
    const operations = WIDTH_SENSITIVE_MODELS[model]!;
    let infeasible = known.filter(({ width }) => operations(context.nRows, width) > MAX_FIT_OPERATIONS);
    // Every polynomial variant out: one clause says so.
    const polynomial = known.filter((k) => k.polynomial);
    if (polynomial.length > 1 && polynomial.every((k) => infeasible.includes(k))) {
      infeasible = [...infeasible.filter((k) => !k.polynomial), { width: Infinity, polynomial: true, clauses: [new ForbiddenEquals(FEATURE_PREPROCESSOR, 'polynomial')] }];
    }
    for (const { clauses } of infeasible) {
      const all = [new ForbiddenEquals(modelChoice, model), ...clauses];
      // A space restricted to such a model keeps its default point: a search needs one, and the
      // per-trial limit still bounds what it can cost.
      if (all.every((clause) => isDefault(space, clause))) continue;
      out.push(new ForbiddenAnd(...all));
    }
  }
  return out;
}

/**
 * Preprocessing choices of known output width: no preprocessing, and each polynomial variant
 * (degree × interaction_only) the space allows; a variant fixed by a constant needs no clause.
 */
function knownWidths(space: ConfigurationSpace, encodedWidth: number, preprocessors: readonly string[]): KnownWidth[] {
  const known: KnownWidth[] = [];
  if (preprocessors.includes('no_preprocessing')) known.push({ width: encodedWidth, polynomial: false, clauses: [new ForbiddenEquals(FEATURE_PREPROCESSOR, 'no_preprocessing')] });
  if (!preprocessors.includes('polynomial')) return known;
  const degrees = valuesOf(space, DEGREE);
  const interactionOnly = valuesOf(space, INTERACTION_ONLY);
  for (const degree of degrees.values) {
    for (const only of interactionOnly.values) {
      const width = new PolynomialFeatures({ degree: Number(degree), interaction_only: only === true, include_bias: false }).outputWidth(encodedWidth);
      const clauses = [new ForbiddenEquals(FEATURE_PREPROCESSOR, 'polynomial')];
      if (degrees.chosen) clauses.push(new ForbiddenEquals(DEGREE, degree));
      if (interactionOnly.chosen) clauses.push(new ForbiddenEquals(INTERACTION_ONLY, only));
      known.push({ width, polynomial: true, clauses });
    }
  }
  return known;
}

function isDefault(space: ConfigurationSpace, clause: ForbiddenEquals): boolean {
  return space.get(clause.name)?.default === clause.value;
}

function choicesOf(space: ConfigurationSpace, name: string): string[] {
  const hp = space.has(name) ? space.get(name) : undefined;
  return hp instanceof CategoricalHyperparameter ? hp.choices.map(String) : [];
}

/** The values a hyperparameter can take, and whether a configuration chooses among them. */
function valuesOf(space: ConfigurationSpace, name: string): { values: readonly (number | boolean | string)[]; chosen: boolean } {
  const hp = space.has(name) ? space.get(name) : undefined;
  if (hp instanceof IntegerHyperparameter) return { values: Array.from({ length: hp.upper - hp.lower + 1 }, (_, i) => hp.lower + i), chosen: true };
  if (hp instanceof CategoricalHyperparameter) return { values: hp.choices, chosen: true };
  if (hp instanceof ConstantHyperparameter) return { values: [hp.value], chosen: false };
  throw new TypeError(`width rules: the space has no usable "${name}"`);
}
