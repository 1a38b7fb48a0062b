import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Benchmarks } from "@/lib/analytics/benchmarks";
import { BenchmarkPercentiles } from "./benchmark-percentiles";

const group = (o: Partial<Benchmarks["all"]>): Benchmarks["all"] => ({ attempts: 1, timed_attempts: 1, score_percentile: 50, time_percentile: 50, median_score: 80, median_time_ms: 3_600_000, ...o });
const result = (all: Partial<Benchmarks["all"]>, cohort?: Partial<Benchmarks["all"]>): Benchmarks => ({
  mission: { id: "m", code: "SIEM-01", title: "t" },
  learner: { id: "u", name: "Ada" },
  attempt: { progress_id: "p", attempt: 1, state: "approved", score: 80, time_ms: 3_600_000 },
  all: group(all),
  cohort: cohort ? { id: "c", slug: "c", name: "Blue team", ...group(cohort) } : null,
});
const text = (r: Benchmarks) => renderToStaticMarkup(createElement(BenchmarkPercentiles, { result: r })).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("BenchmarkPercentiles", () => {
  it("shows percentiles as English ordinals, rounded, for everyone and the cohort", () => {
    const t = text(result({ attempts: 40, timed_attempts: 38, score_percentile: 72.5, time_percentile: 21.2 }, { attempts: 9, timed_attempts: 9, score_percentile: 3, time_percentile: 12 }));
    expect(t).toContain("Everyone (40 scored attempts; median 80, 1 h 00 min)");
    expect(t).toMatch(/Score 73rd percentile Time 21st percentile/);
    expect(t).toContain("Blue team (9 scored attempts; median 80)");
    expect(t).toMatch(/Score 3rd percentile Time 12th percentile/);
  });

  it("does not rank an attempt against itself alone", () => {
    const t = text(result({ attempts: 1, timed_attempts: 1 }, { attempts: 1, timed_attempts: 1 }));
    expect(t).toContain("Everyone (1 scored attempt;");
    expect(t.match(/Only this attempt so far: nothing to compare with yet\./g)).toHaveLength(2);
    expect(t).not.toContain("percentile");
  });

  it("says so when the learner is in no cohort", () => {
    expect(text(result({ attempts: 5, timed_attempts: 5 }))).toContain("Not in a cohort: no cohort comparison.");
  });
});
