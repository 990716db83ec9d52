/**
 * Multi-layer perceptron regressor: one linear output trained with sample-weighted squared error
 * on the standardised target, so that learning rates and alpha mean the same whatever the
 * target's unit. The target's weighted mean and standard deviation are saved to undo it.
 */
import type { Regressor, SavedModel } from '../../model.ts';
import type { FeatureMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';
import type { JsonObject } from '../../../util/json.ts';
import { badModelFile, readInteger, readNumber, readString } from '../linear/state.ts';
import type { FitObserver } from '../../fit-observer.ts';
import { epochObserverFor } from './checkpoints.ts';
import { fitNetwork, type TrainingSummary } from './fit-network.ts';
import { checkFeatures, checkTargets, checkTrainingShape, meanOneWeights } from './inputs.ts';
import { forward, type Network } from './network.ts';
import { MLP_TYPE, resolveMlpParams, type MlpParams } from './params.ts';
import { decodeNetwork, decodeParams, decodeSummary, encodeNetwork, encodeParams, encodeSummary } from './saved-state.ts';

interface FittedRegressor {
  readonly nFeatures: number;
  readonly targetMean: number;
  readonly targetScale: number;
  readonly network: Network;
  readonly summary: TrainingSummary;
}

export class MlpRegressor implements Regressor {
  readonly task = 'regression' as const;
  readonly params: MlpParams;
  private fitted: FittedRegressor | undefined;

  constructor(options: Partial<MlpParams> = {}) {
    this.params = resolveMlpParams(options);
  }

  /** Epochs run, epoch kept and backend used by the last fit. */
  get training(): TrainingSummary {
    return this.state().summary;
  }

  fit(x: FeatureMatrix, y: Float64Array, sampleWeight?: Float64Array, observer?: FitObserver): void {
    checkFeatures(x, 'fit');
    checkTrainingShape(x);
    checkTargets(y, x.nRows);
    const weights = meanOneWeights(x.nRows, sampleWeight);
    let mean = 0;
    for (let i = 0; i < y.length; i++) mean += weights[i]! * y[i]!;
    mean /= y.length;
    let variance = 0;
    for (let i = 0; i < y.length; i++) variance += weights[i]! * (y[i]! - mean) ** 2;
    variance /= y.length;
    // A constant target leaves nothing to scale: the network then learns to output 0 = the mean.
    const scale = variance > 0 ? Math.sqrt(variance) : 1;
    const targets = Float64Array.from(y, (v) => (v - mean) / scale);
    const onEpoch = epochObserverFor(observer, this.params.max_epochs, (kept) => (rows) => ({ kind: 'regression', values: unscaled(forward(kept, rows), mean, scale) }));
    const { network, summary } = fitNetwork({
      x, targets, nOutputs: 1, labels: undefined, weights, loss: 'squared_error', params: this.params, onEpoch,
    });
    this.fitted = { nFeatures: x.columns.length, targetMean: mean, targetScale: scale, network, summary };
  }

  predict(x: FeatureMatrix): Float64Array {
    const { nFeatures, targetMean, targetScale, network } = this.state();
    checkFeatures(x, 'predict', nFeatures);
    return unscaled(forward(network, x), targetMean, targetScale);
  }

  toJSON(): SavedModel {
    const { nFeatures, targetMean, targetScale, network, summary } = this.state();
    return {
      type: MLP_TYPE,
      state: {
        task: this.task,
        params: encodeParams(this.params),
        nFeatures,
        targetMean,
        targetScale,
        network: encodeNetwork(network),
        training: encodeSummary(summary),
      },
    };
  }

  static fromJSON(state: JsonObject): MlpRegressor {
    if (readString(state, 'task', MLP_TYPE) !== 'regression') throw badModelFile(MLP_TYPE, 'saved state is not a regressor');
    const model = new MlpRegressor(decodeParams(state));
    const nFeatures = readInteger(state, 'nFeatures', MLP_TYPE, 1);
    const targetScale = readNumber(state, 'targetScale', MLP_TYPE);
    if (!(targetScale > 0)) throw badModelFile(MLP_TYPE, '"targetScale" must be > 0');
    const network = decodeNetwork(state, nFeatures, 1, model.params.hidden_layer_depth);
    if (network.activation !== model.params.activation) throw badModelFile(MLP_TYPE, 'network activation differs from params.activation');
    model.fitted = {
      nFeatures,
      targetMean: readNumber(state, 'targetMean', MLP_TYPE),
      targetScale,
      network,
      summary: decodeSummary(state),
    };
    return model;
  }

  private state(): FittedRegressor {
    if (this.fitted === undefined) throw new AutoMLError('NOT_FITTED', `${MLP_TYPE}: call fit() first`);
    return this.fitted;
  }
}

/** Network outputs (standardised) back in the target's unit, in place. */
function unscaled(out: Float64Array, mean: number, scale: number): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = out[i]! * scale + mean;
  return out;
}
