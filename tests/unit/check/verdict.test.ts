/**
 * The workshop check's decisions (src/client/check/verdict.ts): speed bands, the sanity check on
 * accuracy, the advice for each kind of machine, the summary line and the report.
 */
import { describe, expect, it } from 'vitest';
import {
  FAST_SAMPLES_PER_SECOND,
  MINIMUM_SAMPLES_PER_SECOND,
  USABLE_SAMPLES_PER_SECOND,
  advice,
  browserFamily,
  formatCount,
  isSoftwareRenderer,
  reportText,
  selfTestVerdict,
  speedOf,
  summary,
  type CheckFacts,
  type SelfTestResult,
} from '../../../src/client/check/verdict.ts';

const SWIFTSHADER_GL = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const NVIDIA_GL = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';

const test = (over: Partial<SelfTestResult> = {}): SelfTestResult => ({
  backend: 'webgpu',
  samplesPerSecond: 12_000,
  accuracy: 0.95,
  samples: 24_000,
  seconds: 3.2,
  ...over,
});

/** A laptop with a GPU, in a current Chrome, on HTTPS: nothing to do. */
const ready = (over: Partial<CheckFacts> = {}): CheckFacts => ({
  backend: { name: 'webgpu', device: 'nvidia ampere' },
  webgpu: { state: 'hardware', adapter: 'nvidia ampere' },
  webgl: NVIDIA_GL,
  secureContext: true,
  origin: 'https://lab.example.org',
  browser: 'chrome',
  storage: { localStorage: true, indexedDB: true },
  offline: { serviceWorker: true, controlled: true },
  selfTest: test(),
  ...over,
});

const ids = (facts: CheckFacts) => advice(facts).map((item) => item.id);
const context = { date: new Date('2026-11-26T10:00:00Z'), userAgent: 'TestBrowser/1.0', page: 'https://lab.example.org/check/' };

describe('speed', () => {
  it('puts rates in bands at the thresholds', () => {
    expect(speedOf(FAST_SAMPLES_PER_SECOND)).toBe('fast');
    expect(speedOf(FAST_SAMPLES_PER_SECOND - 1)).toBe('usable');
    expect(speedOf(USABLE_SAMPLES_PER_SECOND)).toBe('usable');
    expect(speedOf(USABLE_SAMPLES_PER_SECOND - 1)).toBe('slow');
    expect(speedOf(MINIMUM_SAMPLES_PER_SECOND)).toBe('slow');
    expect(speedOf(MINIMUM_SAMPLES_PER_SECOND - 1)).toBe('too-slow');
    expect(speedOf(0)).toBe('too-slow');
    expect(speedOf(Number.NaN)).toBe('too-slow');
  });

  it('says in words what each band means for the lessons', () => {
    expect(selfTestVerdict(test({ samplesPerSecond: 20_000 }))).toEqual({ level: 'good', text: expect.stringMatching(/every lesson/) });
    expect(selfTestVerdict(test({ samplesPerSecond: 2_000 })).level).toBe('good');
    expect(selfTestVerdict(test({ samplesPerSecond: 500 }))).toEqual({
      level: 'warn',
      text: expect.stringMatching(/slowest .* take minutes/),
    });
    expect(selfTestVerdict(test({ samplesPerSecond: 100 })).level).toBe('bad');
  });

  it('does not blame the backend for a low accuracy when it was too slow to finish an epoch', () => {
    const verdict = selfTestVerdict(test({ samplesPerSecond: 40, accuracy: 0.3 }));
    expect(verdict).toEqual({ level: 'bad', text: expect.stringMatching(/^Too slow/) });
    expect(summary(ready({ selfTest: test({ samplesPerSecond: 40, accuracy: 0.3 }) })).text).toBe('Not ready: WebGPU, only 40 samples/s');
  });

  it('distrusts a fast backend whose model did not learn', () => {
    const verdict = selfTestVerdict(test({ samplesPerSecond: 50_000, accuracy: 0.11 }));
    expect(verdict.level).toBe('bad');
    expect(verdict.text).toMatch(/11\.0% accuracy \(chance is 10\.0%\).*WebGPU computes wrong results/);
    expect(summary(ready({ selfTest: test({ accuracy: 0.11 }) }))).toEqual({
      level: 'bad',
      text: 'Not ready: WebGPU computes wrong results here',
    });
    expect(ids(ready({ selfTest: test({ accuracy: 0.11 }) }))).toEqual(['wrong-results']);
  });
});

describe('advice', () => {
  it('has nothing to say on a ready machine', () => {
    expect(advice(ready())).toEqual([]);
    expect(summary(ready())).toEqual({ level: 'good', text: 'Ready: WebGPU, 12,000 samples/s' });
  });

  it('without WebGPU: the browser advice, and that WebGL works for every lesson', () => {
    const facts = ready({
      webgpu: { state: 'missing' },
      backend: { name: 'webgl', device: NVIDIA_GL, note: 'no WebGPU adapter' },
      browser: 'firefox',
      selfTest: test({ backend: 'webgl', samplesPerSecond: 7000 }),
    });
    expect(ids(facts)).toEqual(['browser', 'webgl-is-fine']);
    const [browser] = advice(facts);
    expect(browser!.text).toMatch(/Chrome and Edge \(version 113 or later\)/);
    expect(browser!.text).toMatch(/Firefox has it on Windows/);
    expect(browser!.text).toMatch(/Safari 26/);
    expect(browser!.text).toMatch(/^Update your browser, or use a current Chrome or Edge/);
    expect(summary(facts)).toEqual({ level: 'warn', text: 'Ready: WebGL, 7,000 samples/s (1 thing to check below)' });
  });

  it('a software WebGPU adapter or renderer: turn on hardware acceleration', () => {
    const facts = ready({
      webgpu: { state: 'software', adapter: 'google swiftshader (software)' },
      webgl: SWIFTSHADER_GL,
      backend: { name: 'webgl', device: SWIFTSHADER_GL, note: 'WebGPU runs in software here, slower than WebGL' },
      selfTest: test({ backend: 'webgl', samplesPerSecond: 600 }),
    });
    expect(ids(facts)).toEqual(['slow', 'hardware-acceleration', 'webgl-is-fine']);
    expect(advice(facts)[1]!.text).toMatch(/Use graphics acceleration when available/);
    expect(advice(facts)[1]!.text).toContain(SWIFTSHADER_GL);
    expect(summary(facts)).toEqual({ level: 'warn', text: 'Ready, but slow: WebGL, 600 samples/s' });
  });

  it('CPU only: every lesson runs, slower; too slow is not ready', () => {
    const facts = ready({
      webgpu: { state: 'missing' },
      webgl: undefined,
      backend: { name: 'cpu', device: 'JavaScript on the CPU' },
      selfTest: test({ backend: 'cpu', samplesPerSecond: 150 }),
    });
    expect(ids(facts)).toEqual(['slow', 'browser', 'cpu-only']);
    expect(advice(facts)[0]!.level).toBe('bad');
    expect(summary(facts)).toEqual({ level: 'bad', text: 'Not ready: CPU, only 150 samples/s' });
  });

  it('CPU measured fastest: a choice, not a fallback, so no warning about it', () => {
    const facts = ready({
      webgpu: { state: 'missing' },
      webgl: SWIFTSHADER_GL,
      backend: {
        name: 'cpu',
        device: 'JavaScript on the CPU',
        why: "CPU: 2.0× faster than WebGL (software) here for this lesson's work (measured)",
      },
      selfTest: test({ backend: 'cpu', samplesPerSecond: 6000 }),
    });
    expect(ids(facts)).not.toContain('cpu-only');
    const measured = advice(facts).find((item) => item.id === 'cpu-measured')!;
    expect(measured.level).toBe('good');
    expect(measured.text).toContain('2.0× faster than WebGL (software)');
  });

  it("not a secure context: use the teacher's HTTPS address or localhost; no browser advice", () => {
    const facts = ready({
      secureContext: false,
      origin: 'http://192.168.1.20:4321',
      webgpu: { state: 'insecure' },
      backend: { name: 'webgl', device: NVIDIA_GL },
      selfTest: test({ backend: 'webgl' }),
    });
    expect(ids(facts)).toEqual(['secure-context', 'webgl-is-fine']);
    const [secure] = advice(facts);
    expect(secure!.level).toBe('bad');
    expect(secure!.text).toMatch(/http:\/\/192\.168\.1\.20:4321.*HTTPS address your teacher gives you.*http:\/\/localhost/);
  });

  it('blocked storage: edits and models would be lost', () => {
    const facts = ready({ storage: { localStorage: true, indexedDB: false } });
    expect(ids(facts)).toEqual(['storage']);
    expect(advice(facts)[0]!.text).toMatch(/blocks IndexedDB for this site/);
    expect(advice(ready({ storage: { localStorage: false, indexedDB: false } }))[0]!.text).toMatch(/blocks localStorage and IndexedDB/);
  });

  it('a failed self-test or TF.js that did not start is not ready', () => {
    expect(summary(ready({ selfTest: undefined, selfTestError: 'HTTP 404' }))).toEqual({
      level: 'bad',
      text: 'Not ready: the training self-test failed on WebGPU',
    });
    expect(ids(ready({ selfTest: undefined, selfTestError: 'HTTP 404' }))).toEqual(['self-test-failed']);
    expect(summary(ready({ backend: undefined, backendError: 'boom', selfTest: undefined })).text).toMatch(
      /^Not ready: TensorFlow\.js could not start/,
    );
  });

  it('while measuring, says so', () => {
    expect(summary(ready({ backend: undefined, selfTest: undefined }))).toEqual({ level: 'warn', text: 'Checking this machine…' });
    expect(summary(ready({ selfTest: undefined })).text).toBe('Checking: running the training self-test on WebGPU…');
  });
});

describe('helpers', () => {
  it('tells browsers apart by user agent', () => {
    expect(
      browserFamily(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      ),
    ).toBe('edge');
    expect(
      browserFamily('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36'),
    ).toBe('chrome');
    expect(browserFamily('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('firefox');
    expect(
      browserFamily(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      ),
    ).toBe('safari');
    expect(browserFamily('curl/8.0')).toBe('other');
  });

  it('knows software renderers', () => {
    expect(isSoftwareRenderer(SWIFTSHADER_GL)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer(NVIDIA_GL)).toBe(false);
    expect(isSoftwareRenderer(undefined)).toBe(false);
  });

  it('formats counts the same everywhere', () => {
    expect(formatCount(1600.4)).toBe('1,600');
    expect(formatCount(987)).toBe('987');
  });
});

describe('report', () => {
  it('carries the summary, backend, rate, accuracy, storage and advice as plain text', () => {
    const facts = ready({
      webgpu: { state: 'missing' },
      backend: { name: 'webgl', device: NVIDIA_GL, note: 'no WebGPU adapter' },
      offline: { serviceWorker: true, controlled: false },
      selfTest: test({ backend: 'webgl', samplesPerSecond: 4321.4, accuracy: 0.9234, samples: 8642 }),
      otherSelfTests: [test({ backend: 'cpu', samplesPerSecond: 2100, accuracy: 0.96 })],
    });
    const text = reportText(facts, context);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Deep Learning Lab: workshop check',
      'Summary: Ready: WebGL, 4,321 samples/s (1 thing to check below)',
      'Date: 2026-11-26T10:00:00.000Z',
      'Page: https://lab.example.org/check/',
    ]);
    expect(text).toContain(`Backend: WebGL (${NVIDIA_GL})`);
    expect(text).toContain('Backend note: no WebGPU adapter');
    expect(text).toContain('WebGPU: missing: this browser does not offer WebGPU');
    expect(text).toContain('Self-test: WebGL, 4,321 samples/s, accuracy 92.3% (8,642 samples, 3.2 s in all)');
    expect(text).toContain('Self-test on CPU: 2,100 samples/s, accuracy 96.0%');
    expect(text).toContain('localStorage: yes; IndexedDB: yes');
    expect(text).toContain('Service workers: supported; offline use: not yet');
    expect(text).toMatch(/To do:\n- Update your browser/);
    expect(text).not.toMatch(/<|undefined|NaN/);
  });

  it('says when the self-test has not finished', () => {
    expect(reportText(ready({ selfTest: undefined }), context)).toContain('Self-test: not finished');
    expect(reportText(ready({ selfTest: undefined }), context)).not.toContain('To do:');
  });
});
