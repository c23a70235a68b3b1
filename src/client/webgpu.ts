/**
 * TF.js's WebGPU backend, registered so that the GPU adapter stays referenced. TF.js 4.22's own
 * factory drops its adapter after creating the device; current Chromium then lets the WebGPU
 * instance go, and the first buffer read fails with "A valid external Instance reference no
 * longer exists" (seen with Chromium 156). The factory is otherwise TF.js's own.
 */
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';

interface Adapter {
  features: Set<string>;
  limits: Record<string, number>;
  info?: unknown;
  requestDevice(descriptor: object): Promise<unknown>;
}

const kept: unknown[] = [];

export function registerWebGPU(): void {
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  tf.registerBackend(
    'webgpu',
    async () => {
      const gpu = (navigator as unknown as { gpu: { requestAdapter(o: object): Promise<Adapter | null> } }).gpu;
      const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
      if (!adapter) throw new Error('no WebGPU adapter');
      const limits = adapter.limits;
      const device = await adapter.requestDevice({
        requiredFeatures: adapter.features.has('timestamp-query') ? ['timestamp-query'] : [],
        requiredLimits: {
          maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
          maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
          maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
          maxBufferSize: limits.maxBufferSize,
          maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
          maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
        },
      });
      kept.push(adapter, device);
      return new WebGPUBackend(device as never, adapter.info as never);
    },
    1,
  );
}
