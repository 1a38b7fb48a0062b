"use client";
import { createContext, useContext, useId, useState, type ReactNode } from "react";
import { LiveMarkdown as Markdown } from "@/components/ui/markdown-render";
import { cx, inputClass } from "@/components/ui";
import type { Problem } from "./use-draft";

// Form fields bound to a path in the draft ("stages[2].title"): each shows the validation problem
// for its path and carries an id the problem list can focus.

export const ProblemsContext = createContext<Problem[]>([]);

export const fieldId = (path: string) => `fld-${path.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;

/** Focuses the field of a path, or the closest section that contains it. */
export function focusPath(path: string) {
  let p = path;
  while (p) {
    const el = document.getElementById(fieldId(p));
    if (el) {
      // A field inside a collapsed stage cannot take focus: open every section around it first.
      for (let d = el.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
      el.scrollIntoView({ block: "center", behavior: "smooth" });
      el.focus({ preventScroll: true });
      return true;
    }
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    p = cut > 0 ? p.slice(0, cut) : "";
  }
  return false;
}

function useProblem(path: string) {
  const problems = useContext(ProblemsContext);
  return problems.find((p) => p.path === path)?.message;
}

function Frame({ path, label, hint, children }: { path: string; label: string; hint?: string; children: (p: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode }) {
  const error = useProblem(path);
  const id = fieldId(path);
  const described = [hint && `${id}-hint`, error && `${id}-err`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {hint && <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p>}
      {error && <p id={`${id}-err`} className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

export function TextField({ path, label, value, onChange, hint, placeholder, mono }: { path: string; label: string; value: string | undefined; onChange: (v: string) => void; hint?: string; placeholder?: string; mono?: boolean }) {
  return <Frame path={path} label={label} hint={hint}>{(p) => <input {...p} value={value ?? ""} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} className={cx(inputClass, mono && "font-mono")} />}</Frame>;
}

export function NumberField({ path, label, value, onChange, hint, min, max, step }: { path: string; label: string; value: number | null | undefined; onChange: (v: number | null) => void; hint?: string; min?: number; max?: number; step?: number }) {
  return (
    <Frame path={path} label={label} hint={hint}>
      {(p) => <input {...p} type="number" inputMode="decimal" min={min} max={max} step={step ?? 1} value={value ?? ""} onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))} className={inputClass} />}
    </Frame>
  );
}

export function CheckField({ path, label, checked, onChange }: { path: string; label: string; checked: boolean | undefined; onChange: (v: boolean) => void }) {
  const id = fieldId(path);
  return (
    <label htmlFor={id} className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
      <input id={id} type="checkbox" checked={Boolean(checked)} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4" />
      {label}
    </label>
  );
}

export function SelectField({ path, label, value, options, onChange }: { path: string; label: string; value: string | undefined; options: readonly { value: string; label: string }[]; onChange: (v: string) => void }) {
  return (
    <Frame path={path} label={label}>
      {(p) => (
        <select {...p} value={value ?? ""} onChange={(e) => onChange(e.target.value)} className={inputClass}>
          {value === undefined && <option value="">Choose…</option>}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Frame>
  );
}

/** Markdown with a live preview beside it (below it on a phone). */
export function MarkdownField({ path, label, value, onChange, rows = 6 }: { path: string; label: string; value: string | undefined; onChange: (v: string) => void; rows?: number }) {
  const [show, setShow] = useState(true);
  return (
    <div className="space-y-1">
      <Frame path={path} label={label} hint="Markdown">
        {(p) => (
          <div className={cx("grid gap-2", show && "md:grid-cols-2")}>
            <textarea {...p} rows={rows} value={value ?? ""} onChange={(e) => onChange(e.target.value)} className={cx(inputClass, "font-mono text-xs")} />
            {show && (
              <div className="min-h-16 overflow-auto rounded-md border border-dashed border-slate-300 bg-slate-50 p-2 text-sm" aria-label={`${label} preview`}>
                {value ? <Markdown>{value}</Markdown> : <p className="text-slate-400">Preview appears here.</p>}
              </div>
            )}
          </div>
        )}
      </Frame>
      <button type="button" className="text-xs text-brand-700 underline" onClick={() => setShow((s) => !s)}>{show ? "Hide preview" : "Show preview"}</button>
    </div>
  );
}

/** An ordered list of short strings (objectives, success items), one per line. */
export function LinesField({ path, label, value, onChange, hint }: { path: string; label: string; value: string[] | undefined; onChange: (v: string[]) => void; hint?: string }) {
  return (
    <Frame path={path} label={label} hint={hint ?? "One per line"}>
      {(p) => <textarea {...p} rows={Math.max(3, (value?.length ?? 0) + 1)} value={(value ?? []).join("\n")} onChange={(e) => onChange(e.target.value.split("\n"))} onBlur={(e) => onChange(e.target.value.split("\n").map((s) => s.trim()).filter(Boolean))} className={inputClass} />}
    </Frame>
  );
}

/** Tags from a vocabulary (skills, recipes) with the browser's own autocomplete. */
export function TagsField({ path, label, value, onChange, vocabulary }: { path: string; label: string; value: string[] | undefined; onChange: (v: string[]) => void; vocabulary: readonly string[] }) {
  const [draft, setDraft] = useState("");
  const listId = useId();
  const tags = value ?? [];
  const add = () => {
    const t = draft.trim();
    if (t && !tags.includes(t)) onChange([...tags, t]);
    setDraft("");
  };
  const problems = useContext(ProblemsContext);
  return (
    <Frame path={path} label={label} hint="Type to search, Enter to add">
      {(p) => (
        <div>
          <ul className="mb-1 flex flex-wrap gap-1" aria-label={`${label} chosen`}>
            {tags.map((t, i) => {
              const bad = problems.some((x) => x.path === `${path}[${i}]`);
              return (
                <li key={t} className={cx("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs", bad ? "bg-red-100 text-red-800" : "bg-slate-100")}>
                  {t}
                  <button type="button" aria-label={`Remove ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))} className="px-1">×</button>
                </li>
              );
            })}
          </ul>
          <input {...p} list={listId} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); add(); } }} onBlur={add} className={inputClass} />
          <datalist id={listId}>{vocabulary.filter((v) => !tags.includes(v)).map((v) => <option key={v} value={v} />)}</datalist>
        </div>
      )}
    </Frame>
  );
}
