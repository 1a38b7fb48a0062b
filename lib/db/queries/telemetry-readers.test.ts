import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { OPEN_ATTEMPT_STATES, RAW_EVENT_READERS, RAW_EVENT_WRITERS } from "./telemetry-readers";

// Retention keeps the raw events a reader needs only if it knows the reader: every source file that
// names telemetry_events must be in RAW_EVENT_READERS (with what it needs kept) or RAW_EVENT_WRITERS.

const ROOT = path.resolve(import.meta.dirname, "../../..");
function walk(dir: string): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return walk(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("readers of raw telemetry", () => {
  it("every source file that names telemetry_events is a listed reader or writer", () => {
    const listed = new Set([...RAW_EVENT_READERS.flatMap((r) => r.files), ...RAW_EVENT_WRITERS]);
    const naming = ["lib", "app", "components"].flatMap(walk).filter((f) => /telemetry_events\b|telemetryEvents\b/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(naming.length).toBeGreaterThan(5);
    expect(naming.filter((f) => !listed.has(f))).toEqual([]);
  });

  it("lists only files that exist", () => {
    const listed = [...RAW_EVENT_READERS.flatMap((r) => r.files), ...RAW_EVENT_WRITERS];
    expect(listed.filter((f) => !fs.existsSync(path.join(ROOT, f)))).toEqual([]);
  });

  it("keeps the events of every attempt that may still change", () => {
    expect([...OPEN_ATTEMPT_STATES].sort()).toEqual(["changes_requested", "in_progress", "in_review", "submitted"]);
  });
});
