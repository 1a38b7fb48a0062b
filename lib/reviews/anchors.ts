import type { AnchorInput } from "@/lib/api/contracts/reviews";
import type { AnchorRow, ReviewRow } from "@/lib/db/queries/reviews";
import type { EvidenceRow } from "@/lib/db/queries/attempts";

// Anchored remarks (SPEC §7): each points at a place that exists in a file of the submission —
// lines of a text file, a rectangle of an image, a page of a PDF.

type Kind = AnchorInput["kind"];

/** Which anchors a file can carry, from its sniffed content type. */
export function anchorKindsFor(contentType: string | null): Kind[] {
  const t = (contentType ?? "").toLowerCase();
  if (t.startsWith("image/")) return ["region"];
  if (t === "application/pdf") return ["page"];
  if (t.startsWith("text/") || t.includes("json") || t.includes("csv")) return ["lines"];
  return [];
}

/** Every problem with the anchors, by field, against the submission's files and the criteria on the path. */
export function anchorProblems(anchors: AnchorInput[], files: EvidenceRow[], criteria: ReadonlySet<string>): Record<string, string> {
  const fields: Record<string, string> = {};
  anchors.forEach((a, i) => {
    const f = files.find((e) => e.id === a.evidence_id && e.kind === "file");
    if (!f) return void (fields[`anchors[${i}].evidence_id`] = "not an evidence file of this submission");
    const kinds = anchorKindsFor(f.contentType);
    if (!kinds.includes(a.kind)) fields[`anchors[${i}].kind`] = kinds.length ? `"${f.fileName ?? "this file"}" takes ${kinds.join(" or ")} anchors` : `"${f.fileName ?? "this file"}" cannot carry anchored remarks`;
    if (a.criterion && !criteria.has(a.criterion)) fields[`anchors[${i}].criterion`] = `"${a.criterion}" is not a criterion on the learner's path`;
  });
  return fields;
}

/** Rows to store, in the order the mentor wrote them. */
export function anchorRows(anchors: AnchorInput[]) {
  return anchors.map((a) => ({
    evidenceId: a.evidence_id,
    kind: a.kind,
    startLine: a.kind === "lines" ? a.start_line : null,
    endLine: a.kind === "lines" ? a.end_line : null,
    x: a.kind === "region" ? a.x : null,
    y: a.kind === "region" ? a.y : null,
    w: a.kind === "region" ? a.w : null,
    h: a.kind === "region" ? a.h : null,
    page: a.kind === "page" ? a.page : null,
    remark: a.remark,
    criterionKey: a.criterion ?? null,
  }));
}

/** An anchored remark as API JSON: the shape the review body takes, plus its id. */
export function toAnchor(a: AnchorRow) {
  const place =
    a.kind === "lines" ? { start_line: a.startLine!, end_line: a.endLine! } : a.kind === "region" ? { x: a.x!, y: a.y!, w: a.w!, h: a.h! } : { page: a.page! };
  return { id: a.id, evidence_id: a.evidenceId, kind: a.kind, ...place, remark: a.remark, criterion: a.criterionKey };
}
export type AnchorJson = ReturnType<typeof toAnchor>;

/** "lines 3–5", "page 2", "a region", for people. */
export function placeText(a: Pick<AnchorJson, "kind"> & Partial<{ start_line: number; end_line: number; page: number }>): string {
  if (a.kind === "lines") return a.start_line === a.end_line ? `line ${a.start_line}` : `lines ${a.start_line}–${a.end_line}`;
  if (a.kind === "page") return `page ${a.page}`;
  return "a marked region";
}

export type { ReviewRow };
