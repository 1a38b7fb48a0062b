import type { AnchorPlace } from "@/lib/reviews/anchor-excerpts";
import { placeText } from "@/lib/reviews/anchors";

/**
 * The mentor's remarks where they belong: the anchored lines of a log with the remark beside them,
 * a box on a screenshot, a page of a PDF. Files open through the evidence download, which checks
 * who is asking.
 */
export function AnchoredRemarks({ places, criterionTitle }: { places: AnchorPlace[]; criterionTitle: (key: string) => string }) {
  return (
    <ol className="space-y-4">
      {places.map(({ anchor, file, excerpt }) => (
        <li key={anchor.id} className="rounded-lg border border-slate-200 p-3">
          <p className="text-sm font-medium text-slate-900">
            <a href={file.download_url} className="text-brand-700 underline">{file.name}</a>, {placeText(anchor)}
            {anchor.criterion && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{criterionTitle(anchor.criterion)}</span>}
          </p>
          {excerpt && (
            <pre tabIndex={0} aria-label={`${file.name}, ${placeText(anchor)}`} className="mt-2 overflow-x-auto rounded-md bg-slate-900 py-2 font-mono text-xs text-slate-100">
              {excerpt.lines.map((l) => (
                <div key={l.n} className={l.marked ? "bg-amber-400/25" : "opacity-60"}>
                  <span className="inline-block w-10 select-none pr-2 text-right text-slate-400">{l.n}</span>
                  {l.text}
                </div>
              ))}
            </pre>
          )}
          {anchor.kind === "region" && (
            <div className="relative mt-2 inline-block max-w-full">
              {/* eslint-disable-next-line @next/next/no-img-element -- evidence is served by our own checked download route */}
              <img src={file.download_url} alt={`${file.name}, with the marked region outlined`} className="max-h-80 max-w-full rounded border border-slate-200" />
              <span aria-hidden="true" className="absolute rounded border-2 border-amber-500 bg-amber-400/15" style={{ left: `${anchor.x! * 100}%`, top: `${anchor.y! * 100}%`, width: `${anchor.w! * 100}%`, height: `${anchor.h! * 100}%` }} />
            </div>
          )}
          <p className="mt-2 whitespace-pre-wrap border-l-4 border-amber-400 pl-3 text-sm text-slate-800">{anchor.remark}</p>
        </li>
      ))}
    </ol>
  );
}
