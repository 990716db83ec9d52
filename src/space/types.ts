/**
 * Value and configuration types shared by every part of the search-space library.
 */

/** A hyperparameter value: numbers for float/integer kinds, any of the three for choices. */
export type Value = string | number | boolean;

/**
 * One point of a search space: hyperparameter name → value, holding ONLY the active
 * hyperparameters (an inactive one is absent, never `undefined` or `null`). Keys appear in the
 * space's topological order when produced by the space; compare configurations with
 * `configurationKey`, which does not depend on key order.
 */
export type Configuration = Readonly<Record<string, Value>>;

/**
 * Values indexed by dimension (topological position) while a configuration is being built;
 * `undefined` marks an inactive hyperparameter. Reused across samples to avoid per-sample maps.
 */
export type ValueSlots = (Value | undefined)[];

/** A predicate over slots: whether a child is active, or whether a forbidden clause matches. */
export type SlotTest = (slots: readonly (Value | undefined)[]) => boolean;

export type HyperparameterKind = 'float' | 'integer' | 'categorical' | 'ordinal' | 'constant';
