/**
 * Multi-layer perceptron classifier: softmax output trained with sample-weighted cross-entropy.
 * Training runs on tfjs (see train.ts); prediction is plain JS on the saved weights (network.ts).
 */
import type { Classifier, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';
import type { JsonObject } from '../../../util/json.ts';
import { badModelFile, readInteger, readString } from '../linear/state.ts';
import type { FitObserver } from '../../fit-observer.ts';
import { epochObserverFor } from './checkpoints.ts';
import { fitNetwork, type TrainingSummary } from './fit-network.ts';
import { checkFeatures, checkLabels, checkTrainingShape, meanOneWeights } from './inputs.ts';
import { forward, softmaxRows, type Network } from './network.ts';
import { MLP_TYPE, resolveMlpParams, type MlpParams } from './params.ts';
import { decodeNetwork, decodeParams, decodeSummary, encodeNetwork, encodeParams, encodeSummary } from './saved-state.ts';

interface FittedClassifier {
  readonly nFeatures: number;
  readonly nClasses: number;
  readonly network: Network;
  readonly summary: TrainingSummary;
}

export class MlpClassifier implements Classifier {
  readonly task = 'classification' as const;
  readonly params: MlpParams;
  private fitted: FittedClassifier | undefined;

  constructor(options: Partial<MlpParams> = {}) {
    this.params = resolveMlpParams(options);
  }

  /** Epochs run, epoch kept and backend used by the last fit. */
  get training(): TrainingSummary {
    return this.state().summary;
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array, observer?: FitObserver): void {
    checkFeatures(x, 'fit');
    checkTrainingShape(x);
    checkLabels(y, x.nRows, nClasses);
    const weights = meanOneWeights(x.nRows, sampleWeight);
    const targets = new Float64Array(x.nRows * nClasses);
    for (let i = 0; i < x.nRows; i++) targets[i * nClasses + y[i]!] = 1;
    const onEpoch = epochObserverFor(observer, this.params.max_epochs, (kept) => (rows) => ({
      kind: 'classification',
      proba: { nRows: rows.nRows, nClasses, data: softmaxRows(forward(kept, rows), nClasses) },
    }));
    const { network, summary } = fitNetwork({
      x, targets, nOutputs: nClasses, labels: y, weights, loss: 'softmax_cross_entropy', params: this.params, onEpoch,
    });
    this.fitted = { nFeatures: x.columns.length, nClasses, network, summary };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const { nFeatures, nClasses, network } = this.state();
    checkFeatures(x, 'predictProba', nFeatures);
    return { nRows: x.nRows, nClasses, data: softmaxRows(forward(network, x), nClasses) };
  }

  toJSON(): SavedModel {
    const { nFeatures, nClasses, network, summary } = this.state();
    return {
      type: MLP_TYPE,
      state: {
        task: this.task,
        params: encodeParams(this.params),
        nFeatures,
        nClasses,
        network: encodeNetwork(network),
        training: encodeSummary(summary),
      },
    };
  }

  static fromJSON(state: JsonObject): MlpClassifier {
    if (readString(state, 'task', MLP_TYPE) !== 'classification') throw badModelFile(MLP_TYPE, 'saved state is not a classifier');
    const model = new MlpClassifier(decodeParams(state));
    const nFeatures = readInteger(state, 'nFeatures', MLP_TYPE, 1);
    const nClasses = readInteger(state, 'nClasses', MLP_TYPE, 1);
    const network = decodeNetwork(state, nFeatures, nClasses, model.params.hidden_layer_depth);
    if (network.activation !== model.params.activation) throw badModelFile(MLP_TYPE, 'network activation differs from params.activation');
    model.fitted = { nFeatures, nClasses, network, summary: decodeSummary(state) };
    return model;
  }

  private state(): FittedClassifier {
    if (this.fitted === undefined) throw new AutoMLError('NOT_FITTED', `${MLP_TYPE}: call fit() first`);
    return this.fitted;
  }
}
