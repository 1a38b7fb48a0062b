import { z } from "zod";
import type { MissionContent } from "@/lib/content/schemas";

// AI suggestions per rubric criterion (SPEC §7): an OpenAI-compatible chat-completions endpoint
// (SORTIE_AI_URL, optional SORTIE_AI_KEY, model SORTIE_AI_MODEL) proposes a level and a remark for
// each criterion on the learner's path, quoting the evidence it relied on. Pure apart from the one
// HTTP call; a transport failure throws (the background job retries), a reply that does not fit the
// rubric is dropped item by item. Nothing is suggested without an endpoint.

export interface SuggestionConfig {
  url: string;
  key?: string;
  model?: string;
  timeoutMs?: number;
}

export interface SuggestionInput {
  mission: MissionContent;
  /** Criteria on the learner's path (the ones a review scores). */
  criteria: MissionContent["rubric"];
  path: string[];
  completions: { stageKey: string; notes: string; answer: string | null }[];
  reflection: string | null;
  /** Text evidence the model may quote, by id (first few KB of each file). */
  evidence: { id: string; stage: string; name: string; text: string }[];
}

export interface Suggestion {
  criterion: string;
  level: number;
  remark: string;
  evidence: { stage?: string; evidence_id?: string; quote: string }[];
}

const itemSchema = z.object({
  criterion: z.string().trim().min(1).max(80),
  level: z.union([z.number().int().min(0), z.string().trim().min(1).max(100)]),
  remark: z.string().trim().min(1).max(2000),
  evidence: z
    .array(z.object({ stage: z.string().max(80).optional(), evidence_id: z.string().max(80).optional(), quote: z.string().trim().min(1).max(500) }))
    .max(5)
    .default([]),
});
const replySchema = z.object({ suggestions: z.array(z.unknown()).max(100) });
const completionSchema = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });

export function buildSuggestionMessages(input: SuggestionInput) {
  const stages = input.path
    .map((k) => {
      const s = input.mission.stages.find((x) => x.key === k);
      const c = input.completions.find((x) => x.stageKey === k);
      return `## Stage ${k} (${s?.title ?? k})\nAnswer: ${c?.answer ?? "(none)"}\nNotes:\n${(c?.notes ?? "").slice(0, 3000)}`;
    })
    .join("\n\n");
  const files = input.evidence.map((e) => `### Evidence ${e.id} (stage ${e.stage}, ${e.name})\n${e.text.slice(0, 3000)}`).join("\n\n");
  const rubric = input.criteria
    .map((c) => `- ${c.key} (${c.title}${c.stage ? `, stage ${c.stage}` : ""}): ${c.levels.map((l, i) => `${i}=${l.label} (${l.points} pts: ${l.descriptor})`).join("; ")}`)
    .join("\n");
  return [
    {
      role: "system",
      content:
        "You assist a cybersecurity mentor scoring a trainee's mission with a rubric. For EACH criterion listed, propose a level index and a short remark to the learner, " +
        "and quote the exact text from the stage notes or evidence files you relied on. Never invent evidence. " +
        'Reply with JSON only: {"suggestions": [{"criterion": "<key>", "level": <index>, "remark": "...", "evidence": [{"stage": "<stage key>", "evidence_id": "<id, if from a file>", "quote": "..."}]}]}.',
    },
    {
      role: "user",
      content: `Mission: ${input.mission.code} ${input.mission.title}\nObjectives:\n${input.mission.objectives.map((o) => `- ${o}`).join("\n")}\n\nRubric criteria:\n${rubric}\n\n${stages}\n\n${files ? `${files}\n\n` : ""}## Reflection\n${(input.reflection ?? "").slice(0, 3000)}`,
    },
  ];
}

/** The suggestions of a reply that fit the rubric: known criterion, a level that exists, once each; evidence ids only of this submission. */
export function parseSuggestions(content: string, input: Pick<SuggestionInput, "criteria" | "evidence" | "path">): Suggestion[] | null {
  const start = content.indexOf("{");
  const end = content.lastIndexOf("}");
  if (start < 0 || end <= start) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(content.slice(start, end + 1));
  } catch {
    return null;
  }
  const reply = replySchema.safeParse(raw);
  if (!reply.success) return null;
  const ids = new Set(input.evidence.map((e) => e.id));
  const out: Suggestion[] = [];
  for (const item of reply.data.suggestions) {
    const r = itemSchema.safeParse(item);
    if (!r.success) continue;
    const c = input.criteria.find((x) => x.key === r.data.criterion);
    if (!c || out.some((o) => o.criterion === c.key)) continue;
    const level = typeof r.data.level === "number" ? r.data.level : c.levels.findIndex((l) => l.label.toLowerCase() === String(r.data.level).toLowerCase());
    if (level < 0 || level >= c.levels.length) continue;
    const evidence = r.data.evidence
      .map((e) => ({ ...(e.stage && input.path.includes(e.stage) ? { stage: e.stage } : {}), ...(e.evidence_id && ids.has(e.evidence_id) ? { evidence_id: e.evidence_id } : {}), quote: e.quote }))
      .filter((e) => e.stage || e.evidence_id);
    out.push({ criterion: c.key, level, remark: r.data.remark, evidence });
  }
  return out;
}

export class SuggestionTransportError extends Error {}

/** Asks the endpoint. Throws SuggestionTransportError when it cannot be reached or fails (retry); null for a reply that is not usable. */
export async function requestSuggestions(input: SuggestionInput, config: SuggestionConfig, fetchImpl: typeof fetch = fetch): Promise<{ model: string; suggestions: Suggestion[] } | null> {
  const model = config.model ?? "gpt-4o-mini";
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs ?? 30_000);
  let res: Response;
  try {
    res = await fetchImpl(`${config.url.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(config.key ? { authorization: `Bearer ${config.key}` } : {}) },
      body: JSON.stringify({ model, temperature: 0, messages: buildSuggestionMessages(input), response_format: { type: "json_object" } }),
      signal: controller.signal,
    });
  } catch (e) {
    throw new SuggestionTransportError(`the AI endpoint could not be reached (${e instanceof Error ? e.name : "error"})`);
  } finally {
    clearTimeout(timer);
  }
  if (res.status >= 500 || res.status === 429) throw new SuggestionTransportError(`the AI endpoint answered ${res.status}`);
  if (!res.ok) return null;
  const body = completionSchema.safeParse(await res.json().catch(() => null));
  if (!body.success) return null;
  const suggestions = parseSuggestions(body.data.choices[0].message.content, input);
  return suggestions ? { model, suggestions } : null;
}
