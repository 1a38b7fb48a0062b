import { z } from "zod";
import type { MissionContent } from "@/lib/content/schemas";
import type { Prescore } from "./prescore";

// Optional second opinion on a submission from an OpenAI-compatible chat-completions endpoint
// (SORTIE_AI_URL + SORTIE_AI_KEY, model SORTIE_AI_MODEL). Called outside the submit transaction
// and stored apart from the deterministic pre-score (prescore.second_opinion); without an endpoint
// it returns null and nothing anywhere pretends to be AI. It never decides anything.

export interface SecondOpinion {
  source: "ai";
  model: string;
  /** 0–100 as the model suggests it. */
  score: number;
  summary: string;
  strengths: string[];
  concerns: string[];
  created_at: string;
}

export interface OpinionConfig {
  url: string;
  key: string;
  model?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export interface OpinionInput {
  mission: MissionContent;
  path: string[];
  completions: { stageKey: string; notes: string; answer: string | null }[];
  reflection: string | null;
  prescore: Prescore;
}

const replySchema = z.object({
  score: z.coerce.number().min(0).max(100),
  summary: z.string().trim().min(1).max(2000),
  strengths: z.array(z.string().trim().max(500)).max(6).default([]),
  concerns: z.array(z.string().trim().max(500)).max(6).default([]),
});

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

/** The prompt: the mission's objectives and rubric, what the learner wrote, and the deterministic checks. */
export function buildMessages(input: OpinionInput) {
  const stages = input.path
    .map((k) => {
      const s = input.mission.stages.find((x) => x.key === k);
      const c = input.completions.find((x) => x.stageKey === k);
      return `## Stage ${s?.title ?? k}\nAnswer: ${c?.answer ?? "(none)"}\nNotes:\n${(c?.notes ?? "").slice(0, 4000)}`;
    })
    .join("\n\n");
  const rubric = input.mission.rubric.map((c) => `- ${c.title}: ${c.levels.map((l) => `${l.label} (${l.points})`).join(", ")}`).join("\n");
  return [
    {
      role: "system",
      content:
        "You assist a cybersecurity mentor reviewing a trainee's mission submission. Give a short, specific second opinion. " +
        'Reply with JSON only: {"score": 0-100, "summary": "...", "strengths": ["..."], "concerns": ["..."]}.',
    },
    {
      role: "user",
      content:
        `Mission: ${input.mission.code} ${input.mission.title}\nObjectives:\n${input.mission.objectives.map((o) => `- ${o}`).join("\n")}\n\nRubric:\n${rubric}\n\n` +
        `${stages}\n\n## Reflection\n${(input.reflection ?? "").slice(0, 4000)}\n\n` +
        `Deterministic pre-score: ${input.prescore.score}/100. Checks: ${input.prescore.items.map((i) => `${i.rule}${i.stage ? `@${i.stage}` : ""}=${i.verdict}`).join(", ")}`,
    },
  ];
}

/** Pulls the JSON object out of a model reply (tolerates code fences and prose around it). */
export function parseReply(content: string): z.output<typeof replySchema> | null {
  const start = content.indexOf("{");
  const end = content.lastIndexOf("}");
  if (start < 0 || end <= start) return null;
  try {
    const r = replySchema.safeParse(JSON.parse(content.slice(start, end + 1)));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Asks the configured endpoint; null when it is not configured, fails, times out or answers nonsense. */
export async function requestSecondOpinion(input: OpinionInput, config: OpinionConfig | null): Promise<SecondOpinion | null> {
  if (!config?.url || !config.key) return null;
  const model = config.model ?? "gpt-4o-mini";
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs ?? 20_000);
  try {
    const res = await (config.fetchImpl ?? fetch)(`${config.url.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${config.key}` },
      body: JSON.stringify({ model, temperature: 0, messages: buildMessages(input), response_format: { type: "json_object" } }),
      signal: controller.signal,
    });
    if (!res.ok) return null;
    const body = completionSchema.safeParse(await res.json());
    if (!body.success) return null;
    const reply = parseReply(body.data.choices[0].message.content);
    if (!reply) return null;
    return { source: "ai", model, score: Math.round(reply.score * 10) / 10, summary: reply.summary, strengths: reply.strengths, concerns: reply.concerns, created_at: new Date().toISOString() };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
