/**
 * A conditional search space: hyperparameters, conditions saying when each is active, and
 * forbidden clauses. Built by adding parts (each checked at once, BAD_SPACE on any mistake);
 * the compiled form (dimension order, predicates) is made on first use after a change and reused.
 */
import type { Rng } from '../util/rng.ts';
import type { Hyperparameter } from './hyperparameters/hyperparameter.ts';
import type { Condition } from './conditions.ts';
import type { Forbidden } from './forbidden.ts';
import type { Configuration, Value, ValueSlots } from './types.ts';
import type { SpacePlan } from './plan.ts';
import type { Resolver } from './resolve.ts';
import type { Dimension } from './codec.ts';
import { EqualsCondition, compileCondition, conditionParents, renameCondition } from './conditions.ts';
import { compileForbidden, renameForbidden } from './forbidden.ts';
import { buildPlan, isForbiddenSlots, settleFrom, slotsToConfiguration } from './plan.ts';
import { Draws, sampleConfigurations } from './sampling.ts';
import { checkConfiguration } from './validation.ts';
import { Neighbourhood } from './neighbours.ts';
import { decodeVector, dimensionsOf, encodeConfiguration } from './codec.ts';
import { reachesThroughParents } from './topological-order.ts';
import { badSpace, showValue } from './errors.ts';

/** Where a sub-space hangs: its top-level hyperparameters are active only when `name` == `value`. */
export interface SubspaceParent {
  readonly name: string;
  readonly value: Value;
}

export class ConfigurationSpace {
  private readonly inserted: Hyperparameter[] = [];
  private readonly byName = new Map<string, Hyperparameter>();
  private readonly conditionList: Condition[] = [];
  private readonly forbiddenList: Forbidden[] = [];
  /** child → parent names, kept to refuse a condition that would close a cycle. */
  private readonly parentsByChild = new Map<string, Set<string>>();
  private compiled: { plan: SpacePlan; dimensions: readonly Dimension[] } | undefined;

  addHyperparameter(hp: Hyperparameter): this {
    if (this.byName.has(hp.name)) throw badSpace(`duplicate hyperparameter "${hp.name}"`);
    this.inserted.push(hp);
    this.byName.set(hp.name, hp);
    this.compiled = undefined;
    return this;
  }

  addHyperparameters(hps: readonly Hyperparameter[]): this {
    for (const hp of hps) this.addHyperparameter(hp);
    return this;
  }

  /** Several conditions on one child combine as a conjunction. */
  addCondition(condition: Condition): this {
    compileCondition(condition, this.resolveByInsertion());
    const parents = conditionParents(condition);
    for (const parent of parents) {
      if (reachesThroughParents(this.parentsByChild, parent, condition.child)) {
        throw badSpace(`condition on "${condition.child}" with parent "${parent}" would form a cycle`);
      }
    }
    this.conditionList.push(condition);
    const known = this.parentsByChild.get(condition.child) ?? new Set<string>();
    for (const parent of parents) known.add(parent);
    this.parentsByChild.set(condition.child, known);
    this.compiled = undefined;
    return this;
  }

  addConditions(conditions: readonly Condition[]): this {
    for (const condition of conditions) this.addCondition(condition);
    return this;
  }

  addForbidden(clause: Forbidden): this {
    compileForbidden(clause, this.resolveByInsertion());
    this.forbiddenList.push(clause);
    this.compiled = undefined;
    return this;
  }

  addForbiddens(clauses: readonly Forbidden[]): this {
    for (const clause of clauses) this.addForbidden(clause);
    return this;
  }

  /**
   * Adds every hyperparameter of `sub` as `${prefix}:${name}` with its conditions and forbidden
   * clauses renamed alike; with `parent`, the sub-space's top-level hyperparameters (those without
   * conditions in `sub`) become active only when `parent.name` == `parent.value`. All or nothing:
   * the space is unchanged when anything is wrong.
   */
  addSubspace(prefix: string, sub: ConfigurationSpace, parent?: SubspaceParent): this {
    if (typeof prefix !== 'string' || prefix.length === 0) throw badSpace('sub-space prefix must be a non-empty string');
    const rename = (name: string): string => `${prefix}:${name}`;
    const hps = sub.hyperparameters.map((hp) => hp.withName(rename(hp.name)));
    for (const hp of hps) if (this.byName.has(hp.name)) throw badSpace(`duplicate hyperparameter "${hp.name}" from sub-space "${prefix}"`);
    if (parent !== undefined) {
      const parentHp = this.byName.get(parent.name);
      if (parentHp === undefined) throw badSpace(`sub-space "${prefix}": unknown parent "${parent.name}"`);
      if (!parentHp.isLegal(parent.value)) {
        throw badSpace(`sub-space "${prefix}": ${showValue(parent.value)} is not a legal value of "${parent.name}"`);
      }
    }
    this.addHyperparameters(hps);
    for (const condition of sub.conditions) this.addCondition(renameCondition(condition, rename));
    if (parent !== undefined) {
      for (const hp of sub.hyperparameters) {
        if (!sub.parentsByChild.has(hp.name)) this.addCondition(new EqualsCondition(rename(hp.name), parent.name, parent.value));
      }
    }
    for (const clause of sub.forbiddens) this.addForbidden(renameForbidden(clause, rename));
    return this;
  }

  /** Hyperparameters in insertion order. */
  get hyperparameters(): readonly Hyperparameter[] {
    return [...this.inserted];
  }

  get conditions(): readonly Condition[] {
    return [...this.conditionList];
  }

  get forbiddens(): readonly Forbidden[] {
    return [...this.forbiddenList];
  }

  get size(): number {
    return this.inserted.length;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): Hyperparameter | undefined {
    return this.byName.get(name);
  }

  /** Names of the parents in the conditions on `name` (empty for a top-level hyperparameter). */
  parentsOf(name: string): string[] {
    return [...(this.parentsByChild.get(name) ?? [])];
  }

  /** Hyperparameter names in dimension order: parents before children, otherwise insertion order. */
  get order(): readonly string[] {
    return this.plan().names;
  }

  /** Per vector entry: name, kind and number of categories (0 for ordered numeric entries). */
  get dimensions(): readonly Dimension[] {
    this.plan();
    return this.compiled!.dimensions;
  }

  /** `choiceCount` of every dimension, in dimension order, as the surrogate wants it. */
  choiceCounts(): Int32Array {
    return Int32Array.from(this.dimensions, (d) => d.choiceCount);
  }

  /** Default values of the active hyperparameters; BAD_SPACE when that point is forbidden. */
  defaultConfiguration(): Configuration {
    const plan = this.plan();
    const slots: ValueSlots = new Array<Value | undefined>(plan.size);
    settleFrom(plan, slots, 0);
    if (isForbiddenSlots(plan, slots)) throw badSpace('the default configuration is forbidden');
    return slotsToConfiguration(plan, slots);
  }

  /** `count` independent draws from the prior, none forbidden. */
  sample(rng: Rng, count = 1): Configuration[] {
    return sampleConfigurations(this.plan(), rng, count);
  }

  /** The draws of `sample` for the same generator state, built on demand (see sampling.ts). */
  draws(rng: Rng, count: number): Draws {
    return new Draws(this.plan(), rng, count);
  }

  /** Throws a ConfigurationError (ILLEGAL_VALUE, INACTIVE_VALUE_SET, ACTIVE_VALUE_MISSING, FORBIDDEN_CONFIGURATION). */
  validate(config: Configuration): void {
    const result = checkConfiguration(this.plan(), config);
    if (!Array.isArray(result)) throw result;
  }

  isValid(config: Configuration): boolean {
    return Array.isArray(checkConfiguration(this.plan(), config));
  }

  /** One-exchange neighbourhood of a valid configuration (see neighbours.ts). */
  neighbours(config: Configuration, rng: Rng, perNumeric = 4): Configuration[] {
    const neighbourhood = this.neighbourhood(config, rng, perNumeric);
    return Array.from({ length: neighbourhood.size }, (_, i) => neighbourhood.configuration(i));
  }

  /**
   * The same neighbours as `neighbours` for the same generator state, held as changes of
   * `config` and turned into configurations or vectors on demand (see neighbours.ts).
   */
  neighbourhood(config: Configuration, rng: Rng, perNumeric = 4): Neighbourhood {
    const slots = checkConfiguration(this.plan(), config);
    if (!Array.isArray(slots)) throw slots;
    return new Neighbourhood(this.plan(), slots, rng, perNumeric);
  }

  /** Unit-cube vector in dimension order, NaN for inactive (see codec.ts). */
  encode(config: Configuration): Float64Array {
    return encodeConfiguration(this.plan(), config);
  }

  decode(vector: ArrayLike<number>): Configuration {
    return decodeVector(this.plan(), vector);
  }

  private plan(): SpacePlan {
    if (this.compiled === undefined) {
      const plan = buildPlan(this.inserted, this.conditionList, this.forbiddenList);
      this.compiled = { plan, dimensions: dimensionsOf(plan) };
    }
    return this.compiled.plan;
  }

  /** Resolver for checking a new condition or clause by compiling it; the predicate is discarded. */
  private resolveByInsertion(): Resolver {
    return (name, where) => {
      const hp = this.byName.get(name);
      if (hp === undefined) throw badSpace(`${where}: unknown hyperparameter "${name}"`);
      return { index: 0, hp };
    };
  }
}
