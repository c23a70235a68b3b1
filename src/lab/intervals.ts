/**
 * How sure a measured rate is. 91 right out of 100 is not "91%": it is a range, and two models
 * measured on a few hundred items can differ by less than that range. A lesson that compares rates
 * shows the interval, and its check uses it.
 */

export interface Interval {
  /** The measured rate, successes / trials. */
  rate: number;
  low: number;
  high: number;
  /** The confidence the interval was made for, e.g. 0.95. */
  confidence: number;
}

/**
 * The quantile of the standard normal distribution (Acklam's rational approximation, relative
 * error below 1.2e-9), for the z of a confidence level.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be between 0 and 1 (got ${p})`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = 0.02425;
  if (p < tail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - tail) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * The Wilson score interval of a rate: where the true rate lies, with `confidence`, given
 * `successes` out of `trials`. Unlike "rate ± 2 standard errors" it stays inside 0…1 and is not
 * zero-width at 0 or 100% (0 errors in 328 digits still allows up to 1.2% at 95%).
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): Interval {
  if (!Number.isInteger(trials) || trials <= 0)
    throw new RangeError(`wilsonInterval: trials must be a positive whole number (got ${trials})`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials)
    throw new RangeError(`wilsonInterval: successes must be a whole number from 0 to ${trials} (got ${successes})`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`wilsonInterval: confidence must be between 0 and 1 (got ${confidence})`);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const rate = successes / trials;
  const z2 = z * z;
  const centre = (rate + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((rate * (1 - rate)) / trials + z2 / (4 * trials * trials));
  return { rate, low: Math.max(0, centre - half), high: Math.min(1, centre + half), confidence };
}

/** "91% (95% CI 84–95%)": a rate as a learner should read it. */
export function formatInterval(interval: Interval, digits = 0): string {
  const pct = (x: number) => (x * 100).toFixed(digits);
  return `${pct(interval.rate)}% (${Math.round(interval.confidence * 100)}% interval ${pct(interval.low)}–${pct(interval.high)}%)`;
}
