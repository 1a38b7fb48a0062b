"use client";
import { useCallback, useEffect, useRef, useState } from "react";

// The editor's draft: local state the author edits, saved to the studio API a moment after they
// stop typing. A save based on a stale draft_version comes back 409 with who saved last; the
// author's copy is kept so nothing they typed is lost, and they choose to overwrite or reload.

export interface Problem {
  path: string;
  message: string;
  kind?: "unreachable" | "cycle" | "dead_end" | "unknown_stage";
  stage?: string;
  decision?: string;
  choice?: string;
}

export interface Conflict {
  message: string;
  draftVersion: number;
}

export type SaveState = "saved" | "dirty" | "saving" | "error" | "conflict";

const AUTOSAVE_MS = 800;

export async function api<T>(url: string, init?: RequestInit): Promise<{ ok: boolean; status: number; json: T & { error?: { message: string; fields?: Record<string, string>; draft_version?: number; problems?: Problem[] } } }> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init?.headers ?? {}) } });
  const json = await res.json().catch(() => ({}));
  return { ok: res.ok, status: res.status, json };
}

export function useDraft<T extends Record<string, unknown>>({ base, field, initial, initialVersion }: { base: string; field: "mission" | "recipe"; initial: T; initialVersion: number }) {
  const [doc, setDoc] = useState<T>(initial);
  const [version, setVersion] = useState(initialVersion);
  const [state, setState] = useState<SaveState>("saved");
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const docRef = useRef(doc);
  const versionRef = useRef(version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);

  const validate = useCallback(async () => {
    const r = await api<{ problems: Problem[] }>(`${base}/validate`, { method: "POST", body: "{}" });
    if (r.ok) setProblems(r.json.problems);
  }, [base]);

  const save = useCallback(
    async () => {
      if (inFlight.current) return;
      inFlight.current = true;
      setState("saving");
      const sent = docRef.current;
      const expect = versionRef.current;
      const r = await api<{ draft_version: number }>(base, { method: "PUT", body: JSON.stringify({ draft_version: expect, [field]: docRef.current }) });
      inFlight.current = false;
      if (r.ok) {
        versionRef.current = r.json.draft_version;
        setVersion(r.json.draft_version);
        setConflict(null);
        setError(null);
        // Edits made while this save was in flight still need saving.
        if (docRef.current === sent) setState("saved");
        else setTimeout(() => void saveRef.current(), 0);
        void validate();
      } else if (r.status === 409) {
        setConflict({ message: r.json.error?.message ?? "Someone else saved this draft.", draftVersion: r.json.error?.draft_version ?? expect });
        setState("conflict");
      } else {
        setError(r.json.error?.message ?? "The draft could not be saved.");
        setState("error");
      }
    },
    [base, field, validate],
  );

  const saveRef = useRef(save);
  saveRef.current = save;

  const update = useCallback(
    (next: T | ((d: T) => T)) => {
      setDoc((d) => {
        const v = typeof next === "function" ? (next as (d: T) => T)(d) : next;
        docRef.current = v;
        return v;
      });
      setState((s) => (s === "conflict" ? s : "dirty"));
    },
    [],
  );

  useEffect(() => {
    if (state !== "dirty") return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [doc, state, save]);

  useEffect(() => {
    void validate();
  }, [validate]);

  /** Keep my version: save it over the other author's, knowingly. */
  const overwrite = useCallback(async () => {
    if (!conflict) return;
    versionRef.current = conflict.draftVersion;
    setVersion(conflict.draftVersion);
    setConflict(null);
    await save();
  }, [conflict, save]);

  /** Take theirs: reload the stored draft (my copy is lost only when I choose this). */
  const reload = useCallback(async () => {
    const r = await api<Record<string, unknown> & { draft_version: number }>(base);
    if (!r.ok) return;
    const stored = r.json[field] as T;
    docRef.current = stored;
    setDoc(stored);
    versionRef.current = r.json.draft_version;
    setVersion(r.json.draft_version);
    setConflict(null);
    setState("saved");
    void validate();
  }, [base, field, validate]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    if (state === "dirty") await save();
  }, [save, state]);

  return { doc, update, version, state, conflict, problems, error, overwrite, reload, validate, flush, setVersion: (v: number) => ((versionRef.current = v), setVersion(v)) };
}
