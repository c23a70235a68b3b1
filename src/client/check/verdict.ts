/**
 * The workshop check's decisions, as pure functions of what the page measured: how fast is fast
 * enough, what to advise, the one-line summary and the plain-text report for the teacher. No DOM,
 * no TF.js, so unit tests can feed it any machine.
 */
import type { BackendName } from '../backend.ts';

/**
 * What the browser offers for WebGPU: a hardware adapter, only a software one (SwiftShader, a
 * fallback adapter), `navigator.gpu` but no adapter, no `navigator.gpu` at all, or none because
 * the page is not a secure context (browsers expose WebGPU only there).
 */
export type WebGPUState = 'hardware' | 'software' | 'no-adapter' | 'missing' | 'insecure';

/** The browser family, only to say where WebGPU is available. */
export type BrowserFamily = 'chrome' | 'edge' | 'firefox' | 'safari' | 'other';

export interface BackendFacts {
  /** The backend the lab uses on this machine (the lessons' own choice). */
  name: BackendName;
  /** The adapter, WebGL renderer or "JavaScript on the CPU" that runs it. */
  device: string;
  /** Why a faster backend was not used, as backend.ts says it. */
  note?: string;
  /** Why this one, when the lab chose it by measuring. */
  why?: string;
}

export interface SelfTestResult {
  backend: BackendName;
  /** Training samples per second, measured after a warm-up batch. */
  samplesPerSecond: number;
  /** Accuracy on held-out digits after the short training, 0–1. */
  accuracy: number;
  /** Samples trained on in the timed part. */
  samples: number;
  /** Seconds of the whole self-test, loading included. */
  seconds: number;
}

export interface CheckFacts {
  /** Undefined while TF.js is still choosing. */
  backend?: BackendFacts;
  /** When the backend could not be chosen at all (TF.js failed to load, ...). */
  backendError?: string;
  webgpu: { state: WebGPUState; adapter?: string };
  /** The WebGL renderer, when WebGL works here. */
  webgl?: string;
  secureContext: boolean;
  /** The page's origin, to name it in advice ("http://192.168.1.20:4321"). */
  origin: string;
  browser: BrowserFamily;
  storage: { localStorage: boolean; indexedDB: boolean };
  offline: { serviceWorker: boolean; controlled: boolean };
  /** The self-test on the lab's own backend (the one lessons use). */
  selfTest?: SelfTestResult;
  selfTestError?: string;
  /** Re-runs the learner asked for on other backends, the latest per backend. */
  otherSelfTests?: SelfTestResult[];
}

export type Level = 'good' | 'warn' | 'bad';

/** Chance on ten digit classes is 10%; a backend that computes right gets far above this quickly. */
export const CHANCE_ACCURACY = 0.1;
export const SANE_ACCURACY = 0.5;

/**
 * Speed bands in self-test samples per second (lesson 01's 64-64-10 dense network on 8×8 digits,
 * batches of 32, reading the loss after every batch as the lab's training panel does). Calibrated
 * on this project's test machine, 2 shared cores and no GPU, in headless Chromium: WebGL on
 * SwiftShader 330–990 samples/s, the CPU backend 2,000–4,250, WebGPU on SwiftShader 235–540. Every
 * lesson passes there on WebGL, the slowest in minutes, so that machine is "slow"; one several times
 * slower is not fit for a workshop. A GPU's per-batch cost is a fraction of SwiftShader's, so a
 * laptop with a real GPU lands well above the "fast" line.
 */
export const FAST_SAMPLES_PER_SECOND = 5000;
export const USABLE_SAMPLES_PER_SECOND = 1000;
export const MINIMUM_SAMPLES_PER_SECOND = 200;

export type Speed = 'fast' | 'usable' | 'slow' | 'too-slow';

export function speedOf(samplesPerSecond: number): Speed {
  if (!(samplesPerSecond > 0)) return 'too-slow';
  if (samplesPerSecond >= FAST_SAMPLES_PER_SECOND) return 'fast';
  if (samplesPerSecond >= USABLE_SAMPLES_PER_SECOND) return 'usable';
  if (samplesPerSecond >= MINIMUM_SAMPLES_PER_SECOND) return 'slow';
  return 'too-slow';
}

export const BACKEND_LABELS: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' };

/** 1600 → "1,600", the same on every machine. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export const formatPercent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

export interface Verdict {
  level: Level;
  text: string;
}

/** The self-test's verdict in words: is the result right, and is it fast enough for the lessons? */
export function selfTestVerdict(result: SelfTestResult): Verdict {
  const speed = speedOf(result.samplesPerSecond);
  // So slow that the test stopped before an epoch: the accuracy says nothing then.
  if (speed === 'too-slow') return { level: 'bad', text: 'Too slow for the workshop: the heavier lessons would take far too long here.' };
  if (!(result.accuracy >= SANE_ACCURACY)) {
    return {
      level: 'bad',
      text:
        `The test model reached only ${formatPercent(result.accuracy)} accuracy (chance is ${formatPercent(CHANCE_ACCURACY)}): ` +
        `${BACKEND_LABELS[result.backend]} computes wrong results on this machine. Try another backend below.`,
    };
  }
  switch (speed) {
    case 'fast':
      return { level: 'good', text: 'Fast enough for every lesson: training cells finish in seconds.' };
    case 'usable':
      return { level: 'good', text: 'Every lesson works; the longest training cells take a minute or two.' };
    case 'slow':
      return { level: 'warn', text: 'Lessons will work, but the slowest training cells take minutes.' };
  }
}

export interface Advice {
  /** A stable key, for tests and styling. */
  id: string;
  level: Level;
  text: string;
}

const WEBGPU_STATE_TEXT: Record<WebGPUState, string> = {
  hardware: 'available, on a hardware GPU',
  software: 'present, but only as a software emulation (slower than WebGL, so the lab does not use it)',
  'no-adapter': 'present, but the browser offers no GPU adapter',
  missing: 'missing: this browser does not offer WebGPU',
  insecure: 'unavailable: this page is not a secure context',
};

export const webgpuStateText = (state: WebGPUState) => WEBGPU_STATE_TEXT[state];

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/** Whether a WebGL renderer string names a software rasteriser rather than a GPU. */
export const isSoftwareRenderer = (renderer: string | undefined) => renderer !== undefined && SOFTWARE_RENDERER.test(renderer);

const ACCELERATION =
  'Turn on hardware acceleration (Chrome or Edge: Settings → System → "Use graphics acceleration when available"; ' +
  'Firefox: Settings → General → Performance), restart the browser, and update your graphics driver.';

/** What the learner should do, most important first; empty when there is nothing to do. */
export function advice(facts: CheckFacts): Advice[] {
  const items: Advice[] = [];
  if (!facts.secureContext) {
    items.push({
      id: 'secure-context',
      level: 'bad',
      text:
        `This page is not a secure context (${facts.origin}): browsers offer WebGPU, service workers and offline use only over HTTPS ` +
        'or on localhost. Open the HTTPS address your teacher gives you, or run the workshop copy on your own computer and open it ' +
        'at a http://localhost address.',
    });
  }
  if (facts.selfTestError) {
    items.push({
      id: 'self-test-failed',
      level: 'bad',
      text: `The training self-test failed (${facts.selfTestError}). Try another backend below, or another browser, and send the report to your teacher.`,
    });
  } else if (facts.selfTest) {
    const verdict = selfTestVerdict(facts.selfTest);
    if (speedOf(facts.selfTest.samplesPerSecond) !== 'too-slow' && facts.selfTest.accuracy < SANE_ACCURACY) {
      items.push({
        id: 'wrong-results',
        level: 'bad',
        text: `${verdict.text} In a lesson, the backend menu in the toolbar (or ?backend=cpu in the address) picks another one.`,
      });
    } else if (verdict.level !== 'good') {
      items.push({
        id: 'slow',
        level: verdict.level,
        text: `${verdict.text} Close other tabs and programs, and plug in a laptop's power.`,
      });
    }
  }
  if (facts.backendError) {
    items.push({
      id: 'no-backend',
      level: 'bad',
      text: `TensorFlow.js could not start here (${facts.backendError}). Use a current Chrome, Edge, Firefox or Safari.`,
    });
  }

  const state = facts.webgpu.state;
  if (state !== 'hardware') {
    if (state === 'software' || state === 'no-adapter' || isSoftwareRenderer(facts.webgl)) {
      items.push({
        id: 'hardware-acceleration',
        level: 'warn',
        text:
          `The browser is not using a GPU${facts.webgl ? ` (WebGL renderer: ${facts.webgl})` : ''}. ${ACCELERATION}` +
          ' On a laptop with two GPUs, let the browser use the high-performance one.',
      });
    }
    if (state === 'missing') {
      items.push({ id: 'browser', level: 'warn', text: browserAdvice(facts.browser) });
    }
    if (facts.backend?.name === 'webgl') {
      items.push({
        id: 'webgl-is-fine',
        level: 'good',
        text: 'WebGL works for every lesson; without WebGPU the lab is only slower, never broken.',
      });
    }
  }
  if (facts.backend?.name === 'cpu' && facts.backend.why) {
    items.push({
      id: 'cpu-measured',
      level: 'good',
      text: `The CPU trains the lessons' small models faster than this machine's GPU backends (measured here: ${facts.backend.why.replace(/^CPU: /, '')}), so the lab uses it.`,
    });
  } else if (facts.backend?.name === 'cpu') {
    items.push({
      id: 'cpu-only',
      level: 'warn',
      text: `Neither WebGPU nor WebGL works here, so the lab computes on the CPU: every lesson runs, but training takes longer. ${ACCELERATION}`,
    });
  }
  if (!facts.storage.localStorage || !facts.storage.indexedDB) {
    const missing = [!facts.storage.localStorage && 'localStorage', !facts.storage.indexedDB && 'IndexedDB'].filter(Boolean).join(' and ');
    items.push({
      id: 'storage',
      level: 'warn',
      text:
        `This browser blocks ${missing} for this site (a private window, or site data blocked): your edits, progress and saved models ` +
        'would be lost when you close the page. Use a normal window and allow site data for this address.',
    });
  }
  return items;
}

/** Where WebGPU is, for a browser that does not offer it. */
export function browserAdvice(browser: BrowserFamily): string {
  const where =
    'WebGPU is in current Chrome and Edge (version 113 or later) on Windows, macOS and ChromeOS, and on Android from version 121; ' +
    'on Linux it may still need chrome://flags/#enable-unsafe-webgpu. Firefox has it on Windows from version 141 and is bringing it to ' +
    'other systems; Safari has it from Safari 26 (macOS, iOS and iPadOS 26).';
  switch (browser) {
    case 'chrome':
    case 'edge':
      return `Update your browser (Help → About) and restart it. ${where}`;
    case 'firefox':
    case 'safari':
      return `Update your browser, or use a current Chrome or Edge for the workshop. ${where}`;
    default:
      return `Use a current Chrome or Edge for the workshop. ${where}`;
  }
}

/** The browser family from a user-agent string (Edge and Opera say "Chrome" too, so order matters). */
export function browserFamily(userAgent: string): BrowserFamily {
  if (/\bEdg(e|A|iOS)?\//.test(userAgent)) return 'edge';
  if (/\bFirefox\/|\bFxiOS\//.test(userAgent)) return 'firefox';
  if (/Chrom(e|ium)\/|\bCriOS\//.test(userAgent)) return 'chrome';
  if (/\bSafari\//.test(userAgent) && /\bVersion\//.test(userAgent)) return 'safari';
  return 'other';
}

/** The line at the top: "Ready: WebGL, 1,600 samples/s", or what is wrong. */
export function summary(facts: CheckFacts): Verdict {
  if (facts.backendError) return { level: 'bad', text: 'Not ready: TensorFlow.js could not start in this browser' };
  if (!facts.backend) return { level: 'warn', text: 'Checking this machine…' };
  const backend = BACKEND_LABELS[facts.backend.name];
  if (facts.selfTestError) return { level: 'bad', text: `Not ready: the training self-test failed on ${backend}` };
  if (!facts.selfTest) return { level: 'warn', text: `Checking: running the training self-test on ${backend}…` };
  const test = facts.selfTest;
  const tested = BACKEND_LABELS[test.backend];
  const rate = `${formatCount(test.samplesPerSecond)} samples/s`;
  const verdict = selfTestVerdict(test);
  if (speedOf(test.samplesPerSecond) === 'too-slow') return { level: 'bad', text: `Not ready: ${tested}, only ${rate}` };
  if (test.accuracy < SANE_ACCURACY) return { level: 'bad', text: `Not ready: ${tested} computes wrong results here` };
  const warnings = advice(facts).filter((item) => item.level !== 'good').length;
  if (verdict.level === 'warn') return { level: 'warn', text: `Ready, but slow: ${tested}, ${rate}` };
  if (warnings)
    return { level: 'warn', text: `Ready: ${tested}, ${rate} (${warnings} ${warnings === 1 ? 'thing' : 'things'} to check below)` };
  return { level: 'good', text: `Ready: ${tested}, ${rate}` };
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The plain-text report a learner pastes to the teacher. */
export function reportText(facts: CheckFacts, context: { date: Date; userAgent: string; page: string }): string {
  const lines = [
    'Deep Learning Lab: workshop check',
    `Summary: ${summary(facts).text}`,
    `Date: ${context.date.toISOString()}`,
    `Page: ${context.page}`,
    `Browser: ${context.userAgent}`,
    '',
    `Backend: ${facts.backend ? `${BACKEND_LABELS[facts.backend.name]} (${facts.backend.device})` : facts.backendError ? `none (${facts.backendError})` : 'not chosen yet'}`,
  ];
  if (facts.backend?.note) lines.push(`Backend note: ${facts.backend.note}`);
  lines.push(`WebGPU: ${webgpuStateText(facts.webgpu.state)}${facts.webgpu.adapter ? `; adapter: ${facts.webgpu.adapter}` : ''}`);
  lines.push(`WebGL renderer: ${facts.webgl ?? 'none'}`);
  lines.push(`Secure context: ${yesNo(facts.secureContext)}`);
  if (facts.selfTest) {
    const test = facts.selfTest;
    lines.push(
      `Self-test: ${BACKEND_LABELS[test.backend]}, ${formatCount(test.samplesPerSecond)} samples/s, accuracy ${formatPercent(test.accuracy)} ` +
        `(${formatCount(test.samples)} samples, ${test.seconds.toFixed(1)} s in all)`,
      `Self-test verdict: ${selfTestVerdict(test).text}`,
    );
  } else {
    lines.push(`Self-test: ${facts.selfTestError ? `failed (${facts.selfTestError})` : 'not finished'}`);
  }
  for (const test of facts.otherSelfTests ?? []) {
    lines.push(
      `Self-test on ${BACKEND_LABELS[test.backend]}: ${formatCount(test.samplesPerSecond)} samples/s, accuracy ${formatPercent(test.accuracy)}`,
    );
  }
  lines.push(
    `localStorage: ${yesNo(facts.storage.localStorage)}; IndexedDB: ${yesNo(facts.storage.indexedDB)}`,
    `Service workers: ${facts.offline.serviceWorker ? 'supported' : 'not supported'}; offline use: ${facts.offline.controlled ? 'ready' : 'not yet'}`,
  );
  const items = advice(facts);
  if (items.length) lines.push('', 'To do:', ...items.map((item) => `- ${item.text}`));
  return `${lines.join('\n')}\n`;
}
