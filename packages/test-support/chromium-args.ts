/**
 * Flags for Debian's Chromium started headless by a test on this machine: no sandbox (it
 * may run as root), no GPU, and none of the background connections the closed network
 * would refuse, many at a time.
 */
export const CHROMIUM_TEST_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
