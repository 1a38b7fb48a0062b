"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button, cx, inputClass } from "@/components/ui";
import { api, ApiError } from "./api-client";
import { FileIcon, LinkIcon } from "./icons";

interface Evidence {
  id: string;
  kind: string;
  file_name: string | null;
  size: number | null;
  url: string | null;
  sha256: string | null;
  download_url: string | null;
}

const MAX_FILE = 25 * 1024 * 1024;
const kb = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** Evidence for a stage: drag and drop or pick several files, upload with progress, remove; link evidence. */
export function EvidenceUploader({ code, stage, evidence, accepts, maxFiles, disabled }: { code: string; stage: string; evidence: Evidence[]; accepts: string[]; maxFiles: number; disabled?: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [queued, setQueued] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: "red" | "green"; text: string } | null>(null);
  const [link, setLink] = useState("");
  const files = evidence.filter((e) => e.kind === "file");
  const links = evidence.filter((e) => e.kind === "link");

  const add = (list: FileList | File[]) => {
    const next = [...queued];
    for (const f of Array.from(list)) {
      if (f.size > MAX_FILE) {
        setMessage({ tone: "red", text: `"${f.name}" is ${kb(f.size)}; each file may be at most 25 MB.` });
        continue;
      }
      if (!next.some((q) => q.name === f.name && q.size === f.size)) next.push(f);
    }
    setQueued(next.slice(0, 10));
  };

  const send = (body: FormData) =>
    new Promise<void>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/v1/missions/${code}/evidence`);
      xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) return resolve();
        let msg = `Upload failed (${xhr.status}).`;
        try {
          const j = JSON.parse(xhr.responseText);
          msg = j.error?.fields ? `${j.error.message} ${Object.values(j.error.fields).join(" ")}` : (j.error?.message ?? msg);
        } catch {
          // keep the generic message
        }
        reject(new Error(msg));
      };
      xhr.onerror = () => reject(new Error("The network is unreachable; the upload did not happen."));
      xhr.send(body);
    });

  const upload = async (withLink?: string) => {
    const body = new FormData();
    body.set("stage", stage);
    if (withLink) body.append("links", withLink);
    else queued.forEach((f) => body.append("files", f));
    setMessage(null);
    setProgress(0);
    try {
      await send(body);
      setMessage({ tone: "green", text: withLink ? "Link added." : `${queued.length} file${queued.length === 1 ? "" : "s"} uploaded.` });
      if (withLink) setLink("");
      else setQueued([]);
      router.refresh();
    } catch (e) {
      setMessage({ tone: "red", text: (e as Error).message });
    } finally {
      setProgress(null);
    }
  };

  const remove = async (id: string, name: string) => {
    setMessage(null);
    try {
      await api(`/missions/${code}/evidence/${id}`, { method: "DELETE" });
      setMessage({ tone: "green", text: `Removed ${name}.` });
      router.refresh();
    } catch (e) {
      setMessage({ tone: "red", text: e instanceof ApiError ? e.message : "Could not remove it." });
    }
  };

  return (
    <div className="space-y-4">
      {evidence.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" aria-label="Evidence attached to this stage">
          {[...files, ...links].map((e) => {
            const name = e.kind === "file" ? (e.file_name ?? "file") : (e.url ?? "link");
            return (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span className="min-w-0 break-all">
                  {e.kind === "file" ? <FileIcon className="mr-1 inline align-[-3px] text-slate-500" /> : <LinkIcon className="mr-1 inline align-[-3px] text-slate-500" />}
                  {e.download_url ? <a href={e.download_url} className="text-brand-700 hover:underline">{name}</a> : <a href={e.url ?? "#"} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 hover:underline">{name}</a>}
                  {e.size ? <span className="ml-2 text-xs text-slate-500">{kb(e.size)}</span> : null}
                  {e.sha256 ? <span className="ml-2 hidden font-mono text-xs text-slate-400 sm:inline" title={e.sha256}>sha256 {e.sha256.slice(0, 12)}…</span> : null}
                </span>
                {!disabled && <Button type="button" variant="ghost" className="min-h-8 px-2 py-1 text-red-700" onClick={() => remove(e.id, name)} aria-label={`Remove ${name}`}>Remove</Button>}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No evidence attached yet.</p>
      )}
      {!disabled && (
        <>
          <div
            onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => { e.preventDefault(); setDragging(false); add(e.dataTransfer.files); }}
            className={cx("rounded-lg border-2 border-dashed p-5 text-center text-sm", dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50")}
          >
            <p className="text-slate-700">Drag and drop files here, or</p>
            <label htmlFor={`files-${stage}`} className="mt-2 inline-flex min-h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50 focus-within:outline focus-within:outline-3 focus-within:outline-brand-500">
              Choose files
              <input ref={input} id={`files-${stage}`} type="file" multiple className="sr-only" onChange={(e) => { if (e.target.files) add(e.target.files); e.target.value = ""; }} />
            </label>
            <p className="mt-2 text-xs text-slate-500">Accepted: {accepts.join(", ")} · up to {maxFiles} file{maxFiles === 1 ? "" : "s"} for this stage · 25 MB each. Types are checked by content.</p>
          </div>
          {queued.length > 0 && (
            <div>
              <ul className="space-y-1 text-sm" aria-label="Files ready to upload">
                {queued.map((f) => (
                  <li key={`${f.name}-${f.size}`} className="flex items-center justify-between gap-2 rounded bg-slate-100 px-3 py-1.5">
                    <span className="break-all">{f.name} <span className="text-xs text-slate-500">{kb(f.size)}</span></span>
                    <button type="button" onClick={() => setQueued(queued.filter((q) => q !== f))} className="rounded px-2 text-slate-600 hover:bg-slate-200" aria-label={`Do not upload ${f.name}`}>✕</button>
                  </li>
                ))}
              </ul>
              <Button type="button" className="mt-2" disabled={progress !== null} onClick={() => upload()}>
                {progress !== null ? `Uploading… ${progress}%` : `Upload ${queued.length} file${queued.length === 1 ? "" : "s"}`}
              </Button>
            </div>
          )}
          {progress !== null && (
            <div role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} className="h-2 overflow-hidden rounded-full bg-slate-200">
              <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${progress}%` }} />
            </div>
          )}
          <form
            className="flex flex-col gap-2 sm:flex-row sm:items-end"
            onSubmit={(e) => {
              e.preventDefault();
              if (link.trim()) upload(link.trim());
            }}
          >
            <div className="flex-1 space-y-1">
              <label htmlFor={`link-${stage}`} className="block text-sm font-medium text-slate-800">Link evidence (repository, notebook, video)</label>
              <input id={`link-${stage}`} type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://github.com/…" className={inputClass} />
            </div>
            <Button type="submit" variant="secondary" disabled={!link.trim() || progress !== null}>Add link</Button>
          </form>
        </>
      )}
      {message && <p role={message.tone === "red" ? "alert" : "status"} className={cx("text-sm", message.tone === "red" ? "text-red-700" : "text-green-700")}>{message.text}</p>}
    </div>
  );
}
