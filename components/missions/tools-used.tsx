"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Badge, Button, inputClass } from "@/components/ui";
import { api, ApiError } from "./api-client";

const SUGGESTIONS = ["grep", "awk", "jq", "Splunk", "Elastic", "Wireshark", "tcpdump", "Zeek", "Sigma", "CyberChef", "nmap", "Burp Suite", "VirusTotal", "Python", "Excel"];

/** Tools the learner used at this stage (recorded once each). */
export function ToolsUsed({ code, stage, tools, disabled }: { code: string; stage: string; tools: string[]; disabled?: boolean }) {
  const router = useRouter();
  const [tool, setTool] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      {tools.length > 0 ? (
        <ul className="mb-3 flex flex-wrap gap-1.5" aria-label="Tools recorded">
          {tools.map((t) => <li key={t}><Badge tone="blue">{t}</Badge></li>)}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-slate-600">No tools recorded yet.</p>
      )}
      {!disabled && (
        <form
          className="flex gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!tool.trim()) return;
            setPending(true);
            setError(null);
            try {
              await api(`/missions/${code}/tools`, { method: "POST", body: { stage, tool: tool.trim() } });
              setTool("");
              router.refresh();
            } catch (err) {
              setError(err instanceof ApiError ? (err.fields.tool ?? err.message) : "Could not record the tool.");
            } finally {
              setPending(false);
            }
          }}
        >
          <label htmlFor={`tool-${stage}`} className="sr-only">Tool used</label>
          <input id={`tool-${stage}`} list="tool-suggestions" value={tool} onChange={(e) => setTool(e.target.value)} maxLength={80} placeholder="e.g. grep" className={inputClass} />
          <datalist id="tool-suggestions">{SUGGESTIONS.map((s) => <option key={s} value={s} />)}</datalist>
          <Button type="submit" variant="secondary" disabled={pending || !tool.trim()}>Add</Button>
        </form>
      )}
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </div>
  );
}
