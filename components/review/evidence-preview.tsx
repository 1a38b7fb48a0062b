"use client";

import { useEffect, useState } from "react";
import { cx } from "@/components/ui";
import { formatBytes } from "./format";

export interface EvidenceView {
  id: string;
  stage: string;
  kind: string;
  name: string;
  content_type: string | null;
  size: number | null;
  sha256: string | null;
  url: string | null;
  download_url: string | null;
}

const TEXT_TYPES = /^(text\/|application\/json|application\/(x-)?ndjson)/;
const MAX_PREVIEW = 20_000;

/** The lines a mentor selected with the mouse, sent to the anchor editor (components/review/anchor-editor.tsx). */
export const ANCHOR_LINES_EVENT = "sortie:anchor-lines";
export interface AnchorLinesDetail {
  evidenceId: string;
  start: number;
  end: number;
}

/** The region of an image a mentor dragged out with the mouse (fractions of its width and height). */
export const ANCHOR_REGION_EVENT = "sortie:anchor-region";
export interface AnchorRegionDetail {
  evidenceId: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function lineOf(node: Node | null): number | null {
  const el = node instanceof Element ? node : node?.parentElement;
  const line = el?.closest("[data-line]")?.getAttribute("data-line");
  return line ? Number(line) : null;
}

/**
 * Text, logs, CSV and JSON shown as plain text (never as HTML), first 20 KB, with line numbers.
 * Selecting lines with the mouse offers to pin a remark on them (the anchor editor fills in).
 */
function TextPreview({ href, name, evidenceId }: { href: string; name: string; evidenceId: string }) {
  const [state, setState] = useState<{ text?: string; truncated?: boolean; failed?: boolean }>({});
  const [picked, setPicked] = useState<{ start: number; end: number } | null>(null);
  useEffect(() => {
    let alive = true;
    fetch(href)
      .then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        const t = await r.text();
        if (alive) setState({ text: t.slice(0, MAX_PREVIEW), truncated: t.length > MAX_PREVIEW });
      })
      .catch(() => alive && setState({ failed: true }));
    return () => {
      alive = false;
    };
  }, [href]);
  if (state.failed) return <p className="text-xs text-slate-500">Preview unavailable; use the download link.</p>;
  if (state.text === undefined) return <div aria-hidden className="h-16 animate-pulse rounded bg-slate-100" />;
  const lines = state.text.replace(/\n$/, "").split("\n");
  const onMouseUp = () => {
    const sel = window.getSelection();
    const a = lineOf(sel?.anchorNode ?? null);
    const b = lineOf(sel?.focusNode ?? null);
    setPicked(a && b && !sel?.isCollapsed ? { start: Math.min(a, b), end: Math.max(a, b) } : null);
  };
  const pin = () => {
    if (!picked) return;
    window.dispatchEvent(new CustomEvent<AnchorLinesDetail>(ANCHOR_LINES_EVENT, { detail: { evidenceId, ...picked } }));
    setPicked(null);
  };
  return (
    <>
      <pre
        tabIndex={0}
        aria-label={`Contents of ${name}`}
        onMouseUp={onMouseUp}
        className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
      >
        {lines.map((l, i) => (
          <span key={i} data-line={i + 1} className={cx("block", picked && i + 1 >= picked.start && i + 1 <= picked.end && "bg-amber-700/60")}>
            <span aria-hidden className="mr-3 inline-block w-8 select-none text-right text-slate-500">
              {i + 1}
            </span>
            {l || " "}
          </span>
        ))}
      </pre>
      {picked && (
        <button type="button" onClick={pin} className="rounded-md border border-amber-400 bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900 hover:bg-amber-100">
          Pin a remark on {picked.start === picked.end ? `line ${picked.start}` : `lines ${picked.start}–${picked.end}`}
        </button>
      )}
      {state.truncated && <p className="text-xs text-slate-500">Showing the first 20 KB.</p>}
    </>
  );
}

type Box = { x: number; y: number; w: number; h: number };
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * An image evidence file. Dragging across it with the mouse (or a pen, or a finger) outlines a region
 * and offers to pin a remark on it; the anchor editor's percent fields do the same by keyboard.
 */
function ImagePreview({ href, name, evidenceId }: { href: string; name: string; evidenceId: string }) {
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [box, setBox] = useState<Box | null>(null);
  const at = (e: React.PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: clamp01((e.clientX - r.left) / r.width), y: clamp01((e.clientY - r.top) / r.height) };
  };
  const spanning = (a: { x: number; y: number }, b: { x: number; y: number }): Box => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) });
  const pin = () => {
    if (!box) return;
    window.dispatchEvent(new CustomEvent<AnchorRegionDetail>(ANCHOR_REGION_EVENT, { detail: { evidenceId, ...box } }));
    setBox(null);
  };
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  return (
    <>
      <div
        className="relative inline-block max-w-full cursor-crosshair touch-none select-none"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const p = at(e);
          setStart(p);
          setBox(null);
        }}
        onPointerMove={(e) => start && setBox(spanning(start, at(e)))}
        onPointerUp={(e) => {
          if (!start) return;
          const b = spanning(start, at(e));
          setStart(null);
          // A click, not a drag: nothing outlined.
          setBox(b.w > 0.01 && b.h > 0.01 ? b : null);
        }}
      >
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={href} alt={`Evidence: ${name}`} loading="lazy" draggable={false} className="block max-h-80 max-w-full rounded border border-slate-200 object-contain" />
        {box && <span aria-hidden className="pointer-events-none absolute border-2 border-amber-500 bg-amber-300/30" style={{ left: pct(box.x), top: pct(box.y), width: pct(box.w), height: pct(box.h) }} />}
      </div>
      {box && !start && (
        <button type="button" onClick={pin} className="block rounded-md border border-amber-400 bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900 hover:bg-amber-100">
          Pin a remark on this region
        </button>
      )}
    </>
  );
}

export function EvidencePreview({ item }: { item: EvidenceView }) {
  if (item.kind === "link") {
    return (
      <li className="rounded-lg border border-slate-200 p-3 text-sm">
        <span className="text-slate-500">Link: </span>
        <a href={item.url ?? "#"} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-brand-700 underline">
          {item.url}
        </a>
      </li>
    );
  }
  const type = item.content_type ?? "";
  return (
    <li className="space-y-2 rounded-lg border border-slate-200 p-3 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="break-all font-medium">{item.name}</span>
        <span className="text-xs text-slate-500">
          {type || "unknown type"} · {formatBytes(item.size)}
        </span>
      </div>
      {item.download_url && type.startsWith("image/") && <ImagePreview href={item.download_url} name={item.name} evidenceId={item.id} />}
      {item.download_url && TEXT_TYPES.test(type) && <TextPreview href={item.download_url} name={item.name} evidenceId={item.id} />}
      <p className="flex flex-wrap items-center gap-3 text-xs">
        {item.download_url && (
          <a href={item.download_url} download={item.name} className="font-medium text-brand-700 underline">
            Download
          </a>
        )}
        {item.sha256 && <code className="break-all text-slate-500">SHA-256 {item.sha256}</code>}
      </p>
    </li>
  );
}
