/**
 * The "lab" module cells import (`import { ... } from "lab"`): the lab's teaching helpers.
 * Helpers live in files of their own and are re-exported here.
 */
export { sleep } from './sleep.ts';
export { mulberry32, shuffled } from './random.ts';
export { train, type TrainOptions } from './train.ts';
export { loadDataset, DATASET_NAMES, type Datasets } from './data/load.ts';
export { generateShapes, insideShape, SHAPE_NAMES, type ShapesOptions, type ShapesDataset, type ShapeName } from './data/shapes.ts';
export { sketchShapes, type SketchOptions, type SketchDataset } from './data/sketches.ts';
export { imageAt, subset, concatDatasets, toTensors, type ImageDataset } from './data/image-dataset.ts';
export type { Penguin, PenguinsDataset } from './data/penguins.ts';
export { splitIndices, splitDataset, type SplitOptions } from './split.ts';
export { fitNormalizer, type Normalizer } from './normalize.ts';
export { resizeImages, augmentImages, type ResizeMethod, type AugmentOptions } from './image-ops.ts';
export { imageGrid, classBalance, type GridOptions } from './show.ts';
export { accuracy, confusionMatrix, perClass, confusionChart, predictClasses, type ClassReport } from './metrics.ts';
export { wilsonInterval, formatInterval, normalQuantile, type Interval } from './intervals.ts';
export { flipLabels, type FlippedLabels } from './label-noise.ts';
export { lossesByItem, outOfFoldLosses, captionOf, type LossItem, type OutOfFoldOptions } from './top-losses.ts';
export { saveModel, loadModel, loadShippedModel, listModels, deleteModel, modelFromFiles, type LoadOptions } from './model-io/save-load.ts';
export { SHIPPED_MODELS } from './model-io/folder.ts';
export { LAB_MODEL_FORMAT, type LabModelInfo, type LabModelDescription } from './model-io/info.ts';
export { labeller, simulatedAnnotator, type Labeller, type LabellerOptions } from './widgets/labeller.ts';
export { cleaner, type Cleaner, type Decision } from './widgets/cleaner.ts';
export { drawingPad, type DrawingPad } from './widgets/drawing-pad.ts';
export { drawingCollection, type DrawingCollection } from './widgets/drawing-collection.ts';
export { pickModelFiles } from './widgets/model-picker.ts';
export { saliencyMaps, saliencyGrid, shareOn, type SaliencyMaps, type SaliencyOptions, type SaliencyGridOptions } from './saliency.ts';
export { uncertainty, type Uncertainty } from './uncertainty.ts';
export {
  reliability,
  reliabilityChart,
  fitTemperature,
  withTemperature,
  type Reliability,
  type ReliabilityBin,
  type TemperatureFit,
} from './calibration.ts';
export { roc, tprAtFpr, rocChart, type Roc, type RocPoint, type RocChartOptions } from './roc.ts';
export { tokenize, fitVocabulary, type Vocabulary, type VocabularyOptions, type EncodeOptions } from './text.ts';
export { SENTIMENT_SITES, type Sentence, type SentimentDataset, type SentimentSite } from './data/sentiment.ts';
export { zoomOutImages, type ZoomOutOptions } from './zoom.ts';
export { atThreshold, thresholdTable, type Predictions, type ThresholdRow } from './selective.ts';
export { predictionLatency, type LatencyOptions, type LatencyRow } from './latency.ts';
export { sliceReport, type SliceRow } from './slices.ts';
export { datasheet, type Datasheet, type DatasheetOptions, type ThinSource } from './documents/datasheet.ts';
export { modelCard, type ModelCard, type ModelCardOptions, type OutOfDomainResult } from './documents/model-card.ts';
export { markdownFile, type MarkdownFile } from './widgets/markdown-file.ts';
export { quantizedCopy, type QuantizedCopy } from './quantize.ts';
export { stageTimes, stageTimesChart, type StageTime } from './stage-times.ts';
