/**
 * A clock for the tests that bound how long the engine may take on hostile or large input
 * ("seconds, not hours"): the CPU time this process has used, in milliseconds.
 *
 * Wall time also counts the time other processes hold the cores, so a bound on it fails on a busy
 * machine although the code did not get slower (a 2-core machine running several test suites made
 * the TOML reader's linearity test take 2.2 s of wall time for well under 1 s of its own work).
 * CPU time counts only this process's work, which is what such a bound is about. Speed targets
 * themselves are checked by the benchmark (`npm run bench`), not by tests.
 */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
