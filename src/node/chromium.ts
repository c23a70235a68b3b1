/**
 * Headless Chromium as the tests and the benchmark launch it: Debian's browser (Playwright's own
 * download cannot work here), with WebGPU allowed and nothing that reaches the network by itself.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
