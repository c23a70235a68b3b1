/**
 * A TF.js IOHandler for a folder: model.json (topology, weight manifest, lab metadata),
 * weights.bin, and lab-model.json (the lab metadata again, for people and servers to read).
 * Pure TF.js has no file-system handler; tfjs-node, which has one, cannot install here.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';

function concatWeights(data: ArrayBuffer | ArrayBuffer[]): Uint8Array {
  const buffers = Array.isArray(data) ? data : [data];
  const out = new Uint8Array(buffers.reduce((sum, b) => sum + b.byteLength, 0));
  let offset = 0;
  for (const buffer of buffers) {
    out.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  return out;
}

/**
 * `modelFile` names the topology file to load: model.json in a folder the lab saved, or NAME.json
 * beside NAME.weights.bin for files downloaded from the page.
 */
export function folderHandler(folder: string, modelFile = 'model.json'): tf.io.IOHandler {
  return {
    async save(artifacts) {
      await mkdir(folder, { recursive: true });
      const weights = concatWeights(artifacts.weightData as ArrayBuffer | ArrayBuffer[]);
      const manifest = [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }];
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: manifest,
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      await writeFile(join(folder, 'model.json'), JSON.stringify(modelJson));
      await writeFile(join(folder, 'weights.bin'), weights);
      const lab = (artifacts.userDefinedMetadata as { labModel?: unknown } | undefined)?.labModel;
      if (lab) await writeFile(join(folder, 'lab-model.json'), `${JSON.stringify(lab, null, 2)}\n`);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
    },
    async load() {
      let text: string;
      try {
        text = await readFile(join(folder, modelFile), 'utf8');
      } catch {
        throw new Error(`no ${modelFile} in ${folder}: not a TF.js model folder`);
      }
      let json: {
        modelTopology?: unknown;
        weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
        [key: string]: unknown;
      };
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`${join(folder, modelFile)} is not valid JSON`);
      }
      if (!json.modelTopology || !Array.isArray(json.weightsManifest))
        throw new Error(`${join(folder, modelFile)} is not a TF.js layers model (no modelTopology or weightsManifest)`);
      const specs = json.weightsManifest.flatMap((group) => group.weights);
      const parts = await Promise.all(json.weightsManifest.flatMap((group) => group.paths).map((path) => readFile(join(folder, path))));
      const weights = concatWeights(
        parts.map((part) => part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength) as ArrayBuffer),
      );
      return {
        modelTopology: json.modelTopology as object,
        weightSpecs: specs,
        weightData: weights.buffer as ArrayBuffer,
        format: json.format as string | undefined,
        generatedBy: json.generatedBy as string | undefined,
        convertedBy: json.convertedBy as string | null | undefined,
        trainingConfig: json.trainingConfig as tf.io.TrainingConfig | undefined,
        userDefinedMetadata: json.userDefinedMetadata as Record<string, object> | undefined,
      };
    },
  };
}
