/** Resolves after `ms` milliseconds: lets a loop give the page a turn, or paces a demo. */
export function sleep(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
