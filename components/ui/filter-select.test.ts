import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FilterSelect, TierFilter, TrackFilter } from "./filter-select";

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);
const options = (markup: string) => [...markup.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map((m) => ({ value: m[1], selected: !!m[2], label: m[3] }));

describe("FilterSelect", () => {
  it("names the select with a visible label tied to it by id, and submits under its name", () => {
    const m = html(createElement(FilterSelect, { name: "mission", label: "Mission", options: [{ value: "SIEM-01", label: "SIEM-01 · Brute force" }] }));
    expect(m).toContain('<label for="f-mission"');
    expect(m).toContain(">Mission</label>");
    expect(m).toMatch(/<select id="f-mission" name="mission"/);
  });

  it("puts the 'any' option first with an empty value, then the options in order", () => {
    const m = html(createElement(FilterSelect, { name: "cohort", label: "Cohort", anyLabel: "All cohorts", options: [{ value: "b", label: "B" }, { value: "a", label: "A" }] }));
    expect(options(m).map((o) => [o.value, o.label])).toEqual([["", "All cohorts"], ["b", "B"], ["a", "A"]]);
  });

  it("shows the current value selected, and 'any' when there is none", () => {
    const opts = [{ value: "x", label: "X" }, { value: "y", label: "Y" }];
    expect(options(html(createElement(FilterSelect, { name: "f", label: "F", anyLabel: "Any", options: opts, value: "y" }))).find((o) => o.selected)?.value).toBe("y");
    expect(options(html(createElement(FilterSelect, { name: "f", label: "F", anyLabel: "Any", options: opts }))).find((o) => o.selected)?.label).toBe("Any");
  });

  it("accepts an explicit id for a second filter of the same name on a page", () => {
    const m = html(createElement(FilterSelect, { name: "track", id: "side-track", label: "Track", options: [] }));
    expect(m).toContain('<label for="side-track"');
    expect(m).toContain('<select id="side-track" name="track"');
  });
});

describe("TrackFilter and TierFilter", () => {
  it("list every track and every tier, in order, after 'All …'", () => {
    expect(options(html(createElement(TrackFilter, {}))).map((o) => o.label)).toEqual(["All tracks", "Defender", "Offensive", "GRC", "Innovation", "Leadership"]);
    expect(options(html(createElement(TierFilter, { value: "advanced" })))).toEqual([
      { value: "", selected: false, label: "All tiers" },
      { value: "beginner", selected: false, label: "Beginner" },
      { value: "intermediate", selected: false, label: "Intermediate" },
      { value: "advanced", selected: true, label: "Advanced" },
      { value: "mastery", selected: false, label: "Mastery" },
    ]);
  });

  it("are labelled Track and Tier and submit as track and tier", () => {
    expect(html(createElement(TrackFilter, { value: "grc" }))).toMatch(/<label for="f-track"[^>]*>Track<\/label><select id="f-track" name="track"/);
    expect(html(createElement(TierFilter, {}))).toMatch(/<label for="f-tier"[^>]*>Tier<\/label><select id="f-tier" name="tier"/);
  });
});
