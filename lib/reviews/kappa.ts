// Weighted Cohen's kappa for two raters on an ordinal scale, with the large-sample standard error
// of Fleiss, Cohen & Everitt (1969), "Large sample standard errors of kappa and weighted kappa",
// Psychological Bulletin 72, 323–327. Pure: a square table of counts in, numbers out.
//
// Calibration uses LINEAR ("equal-spacing", Cicchetti & Allison 1971) agreement weights
// w_ij = 1 − |i − j| / (k − 1): rubric levels are ordered and roughly equally spaced in points, and a
// two-level disagreement counts twice a one-level one (quadratic weights would forgive near misses
// more). Quadratic ("Fleiss–Cohen") weights are available for comparison.

export type KappaWeights = "linear" | "quadratic" | "unweighted";

export const Z95 = 1.959963984540054;
/** Under this many pairs a criterion's agreement is "not enough data" (SPEC §7). */
export const MIN_PAIRS = 10;

export interface KappaResult {
  kappa: number;
  /** Fleiss–Cohen–Everitt (1969) asymptotic standard error (not the one under the null). */
  se: number;
  low: number;
  high: number;
  /** Observed and chance-expected weighted agreement. */
  observed: number;
  expected: number;
  n: number;
}

export function weightMatrix(k: number, weights: KappaWeights): number[][] {
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      if (weights === "unweighted" || k === 1) return i === j ? 1 : 0;
      const d = Math.abs(i - j) / (k - 1);
      return weights === "linear" ? 1 - d : 1 - d * d;
    }),
  );
}

/** A k×k table of counts from pairs of levels (0-based; first rater in rows). */
export function pairTable(pairs: readonly (readonly [number, number])[], k: number): number[][] {
  const t = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const [a, b] of pairs) {
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= k || b >= k) throw new RangeError(`level pair (${a}, ${b}) is outside 0..${k - 1}`);
    t[a][b] += 1;
  }
  return t;
}

/**
 * Weighted kappa of a square table of counts with its 95% interval (κ ± z·SE, kept within −1..1),
 * or null when it is undefined: no pairs, or chance agreement is already perfect (both raters used
 * one and the same level for everything).
 */
export function weightedKappa(table: readonly (readonly number[])[], weights: KappaWeights = "linear", z = Z95): KappaResult | null {
  const k = table.length;
  if (k === 0 || table.some((r) => r.length !== k)) throw new RangeError("the table must be square");
  const n = table.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  if (n <= 0) return null;
  const w = weightMatrix(k, weights);
  const p = table.map((r) => r.map((c) => c / n));
  const rows = p.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = p[0].map((_, j) => p.reduce((s, r) => s + r[j], 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      observed += w[i][j] * p[i][j];
      expected += w[i][j] * rows[i] * cols[j];
    }
  if (1 - expected < 1e-12) return null;
  const kappa = (observed - expected) / (1 - expected);
  // w̄_i. = Σ_j p_.j w_ij and w̄_.j = Σ_i p_i. w_ij (Fleiss, Cohen & Everitt 1969, eq. 11).
  const wRow = w.map((r) => r.reduce((s, wij, j) => s + wij * cols[j], 0));
  const wCol = w[0].map((_, j) => w.reduce((s, r, i) => s + r[j] * rows[i], 0));
  let sum = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const term = w[i][j] - (wRow[i] + wCol[j]) * (1 - kappa);
      sum += p[i][j] * term * term;
    }
  const variance = (sum - (kappa - expected * (1 - kappa)) ** 2) / (n * (1 - expected) ** 2);
  const se = Math.sqrt(Math.max(0, variance));
  return { kappa, se, low: Math.max(-1, kappa - z * se), high: Math.min(1, kappa + z * se), observed, expected, n };
}
