"use client";
import { useEffect, useState } from "react";
import { ANCHOR_LINES_EVENT, ANCHOR_REGION_EVENT, type AnchorLinesDetail, type AnchorRegionDetail } from "./evidence-preview";
import { anchorKindsFor, placeText } from "@/lib/reviews/anchors";
import { Button, inputClass } from "@/components/ui";

export type AnchorDraft =
  | { evidence_id: string; kind: "lines"; start_line: number; end_line: number; remark: string; criterion?: string }
  | { evidence_id: string; kind: "region"; x: number; y: number; w: number; h: number; remark: string; criterion?: string }
  | { evidence_id: string; kind: "page"; page: number; remark: string; criterion?: string };

interface Props {
  files: { id: string; name: string; content_type: string | null }[];
  criteria: { key: string; title: string }[];
  value: AnchorDraft[];
  onChange: (v: AnchorDraft[]) => void;
  errors?: Record<string, string>;
}

const label = "block text-xs font-medium text-slate-700";
const num = (s: string) => (s.trim() === "" ? NaN : Number(s));

/**
 * Remarks pinned to a place in the learner's evidence: lines of a text file, a region of an image
 * (in percent of its width and height), a page of a PDF. Plain fields, so it works by keyboard.
 */
export function AnchorEditor({ files, criteria, value, onChange, errors = {} }: Props) {
  const usable = files.filter((f) => anchorKindsFor(f.content_type).length > 0);
  const [fileId, setFileId] = useState(usable[0]?.id ?? "");
  const [a, setA] = useState({ start: "", end: "", x: "", y: "", w: "", h: "", page: "", remark: "", criterion: "" });
  const [problem, setProblem] = useState<string | null>(null);
  // Lines selected with the mouse in the evidence preview fill the file and the line fields.
  useEffect(() => {
    const onLines = (e: Event) => {
      const d = (e as CustomEvent<AnchorLinesDetail>).detail;
      if (!files.some((f) => f.id === d.evidenceId && anchorKindsFor(f.content_type).includes("lines"))) return;
      setFileId(d.evidenceId);
      setA((prev) => ({ ...prev, start: String(d.start), end: String(d.end) }));
      document.getElementById("anchor-remark")?.focus();
    };
    // A region dragged out on an image fills the percent fields.
    const onRegion = (e: Event) => {
      const d = (e as CustomEvent<AnchorRegionDetail>).detail;
      if (!files.some((f) => f.id === d.evidenceId && anchorKindsFor(f.content_type).includes("region"))) return;
      // Percent with one decimal, rounded down so the region stays inside the image.
      const pct = (v: number) => String(Math.floor(v * 1000) / 10);
      setFileId(d.evidenceId);
      setA((prev) => ({ ...prev, x: pct(d.x), y: pct(d.y), w: pct(d.w), h: pct(d.h) }));
      document.getElementById("anchor-remark")?.focus();
    };
    window.addEventListener(ANCHOR_LINES_EVENT, onLines);
    window.addEventListener(ANCHOR_REGION_EVENT, onRegion);
    return () => {
      window.removeEventListener(ANCHOR_LINES_EVENT, onLines);
      window.removeEventListener(ANCHOR_REGION_EVENT, onRegion);
    };
  }, [files]);
  if (usable.length === 0) return <p className="text-sm text-slate-500">No text, image or PDF evidence to pin remarks to.</p>;
  const file = usable.find((f) => f.id === fileId) ?? usable[0];
  const kind = anchorKindsFor(file.content_type)[0];
  const set = (k: keyof typeof a) => (e: { target: { value: string } }) => setA({ ...a, [k]: e.target.value });

  const add = () => {
    const remark = a.remark.trim();
    const criterion = a.criterion || undefined;
    let draft: AnchorDraft | null = null;
    if (!remark) return setProblem("Write the remark.");
    if (kind === "lines") {
      const s = num(a.start);
      const e = a.end.trim() ? num(a.end) : s;
      if (!Number.isInteger(s) || s < 1 || !Number.isInteger(e) || e < s) return setProblem("Give the first and last line (whole numbers, first ≤ last).");
      draft = { evidence_id: file.id, kind, start_line: s, end_line: e, remark, criterion };
    } else if (kind === "page") {
      const p = num(a.page);
      if (!Number.isInteger(p) || p < 1) return setProblem("Give the page number.");
      draft = { evidence_id: file.id, kind, page: p, remark, criterion };
    } else {
      const [x, y, w, h] = [a.x, a.y, a.w, a.h].map((v) => num(v) / 100);
      if ([x, y, w, h].some((v) => !Number.isFinite(v) || v < 0) || w <= 0 || h <= 0 || x + w > 1 || y + h > 1) return setProblem("Give the region in percent of the image: left, top, width, height, inside 0–100.");
      draft = { evidence_id: file.id, kind: "region", x, y, w, h, remark, criterion };
    }
    setProblem(null);
    onChange([...value, draft]);
    setA({ ...a, start: "", end: "", page: "", x: "", y: "", w: "", h: "", remark: "" });
  };

  return (
    <div className="space-y-3">
      {value.length > 0 && (
        <ol className="space-y-2" aria-label="Remarks pinned to the evidence">
          {value.map((d, i) => (
            <li key={i} className="flex items-start justify-between gap-2 rounded-md border border-slate-200 p-2 text-sm">
              <span className="min-w-0">
                <span className="font-medium">{files.find((f) => f.id === d.evidence_id)?.name}</span>, {placeText(d)}: {d.remark}
                {errors[`anchors[${i}].evidence_id`] || errors[`anchors[${i}].kind`] || errors[`anchors[${i}].criterion`] ? (
                  <span role="alert" className="block text-xs text-red-700">{errors[`anchors[${i}].evidence_id`] ?? errors[`anchors[${i}].kind`] ?? errors[`anchors[${i}].criterion`]}</span>
                ) : null}
              </span>
              <button type="button" className="shrink-0 text-xs text-red-700 underline" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={`Remove the remark on ${placeText(d)}`}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <fieldset className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
        <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Pin a remark</legend>
        <div className="sm:col-span-2">
          <label className={label} htmlFor="anchor-file">File</label>
          <select id="anchor-file" className={inputClass} value={file.id} onChange={(e) => setFileId(e.target.value)}>
            {usable.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
          </select>
        </div>
        {kind === "lines" && (
          <>
            <div><label className={label} htmlFor="anchor-start">First line</label><input id="anchor-start" inputMode="numeric" className={inputClass} value={a.start} onChange={set("start")} /></div>
            <div><label className={label} htmlFor="anchor-end">Last line</label><input id="anchor-end" inputMode="numeric" className={inputClass} value={a.end} onChange={set("end")} placeholder="same line" /></div>
          </>
        )}
        {kind === "page" && <div><label className={label} htmlFor="anchor-page">Page</label><input id="anchor-page" inputMode="numeric" className={inputClass} value={a.page} onChange={set("page")} /></div>}
        {kind === "region" &&
          (["x", "y", "w", "h"] as const).map((k) => (
            <div key={k}>
              <label className={label} htmlFor={`anchor-${k}`}>{{ x: "Left (%)", y: "Top (%)", w: "Width (%)", h: "Height (%)" }[k]}</label>
              <input id={`anchor-${k}`} inputMode="decimal" className={inputClass} value={a[k]} onChange={set(k)} />
            </div>
          ))}
        <div className="sm:col-span-2">
          <label className={label} htmlFor="anchor-criterion">About criterion (optional)</label>
          <select id="anchor-criterion" className={inputClass} value={a.criterion} onChange={set("criterion")}>
            <option value="">None</option>
            {criteria.map((c) => <option key={c.key} value={c.key}>{c.title}</option>)}
          </select>
        </div>
        <div className="sm:col-span-2">
          <label className={label} htmlFor="anchor-remark">Remark</label>
          <textarea id="anchor-remark" rows={2} className={inputClass} value={a.remark} onChange={set("remark")} maxLength={2000} />
        </div>
        {problem && <p role="alert" className="text-sm text-red-700 sm:col-span-2">{problem}</p>}
        <div className="sm:col-span-2"><Button type="button" variant="secondary" onClick={add}>Pin the remark</Button></div>
      </fieldset>
    </div>
  );
}
