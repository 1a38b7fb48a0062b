// Related recipes (SPEC §2, issue 6): prerequisites of the recipe first, then its follow-ups
// (recipes that list it as a prerequisite), then the rest by shared skills and tools, with the
// author's explicit `related` list boosted. Pure; ties by slug so the order is stable.

export interface RelatedCandidate {
  slug: string;
  title: string;
  summary: string;
  difficulty: string;
  estimatedMinutes: number;
  skills: string[];
  tools: string[];
  prerequisites: string[];
  related: string[];
}

export type RelatedKind = "prerequisite" | "follow_up" | "related";

export interface RelatedRecipe {
  slug: string;
  title: string;
  summary: string;
  difficulty: string;
  estimatedMinutes: number;
  kind: RelatedKind;
  score: number;
  reasons: string[];
}

export const RELATED_WEIGHTS = { skill: 3, tool: 2, explicit: 6 } as const;

const norm = (s: string) => s.trim().toLowerCase();

export function relatedRecipes(target: RelatedCandidate, candidates: RelatedCandidate[], limit = 6): RelatedRecipe[] {
  const tools = new Set(target.tools.map(norm));
  const out: RelatedRecipe[] = [];
  for (const c of candidates) {
    if (c.slug === target.slug) continue;
    const reasons: string[] = [];
    let kind: RelatedKind = "related";
    if (target.prerequisites.includes(c.slug)) {
      kind = "prerequisite";
      reasons.push("Prerequisite: do it first");
    } else if (c.prerequisites.includes(target.slug)) {
      kind = "follow_up";
      reasons.push("Follow-up: builds on this recipe");
    }
    const sharedSkills = c.skills.filter((s) => target.skills.includes(s));
    const sharedTools = c.tools.filter((t) => tools.has(norm(t)));
    const explicit = target.related.includes(c.slug) || c.related.includes(target.slug);
    let score = sharedSkills.length * RELATED_WEIGHTS.skill + sharedTools.length * RELATED_WEIGHTS.tool;
    if (explicit) {
      score += RELATED_WEIGHTS.explicit;
      reasons.push("Suggested by the author");
    }
    if (sharedSkills.length) reasons.push(`Shares skills: ${sharedSkills.join(", ")}`);
    if (sharedTools.length) reasons.push(`Shares tools: ${sharedTools.join(", ")}`);
    if (kind === "related" && score === 0) continue;
    out.push({ slug: c.slug, title: c.title, summary: c.summary, difficulty: c.difficulty, estimatedMinutes: c.estimatedMinutes, kind, score, reasons });
  }
  const rank: Record<RelatedKind, number> = { prerequisite: 0, follow_up: 1, related: 2 };
  out.sort((a, b) => rank[a.kind] - rank[b.kind] || b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  // Prerequisites are always listed, even beyond the limit: skipping one would mislead.
  const prereqs = out.filter((r) => r.kind === "prerequisite").length;
  return out.slice(0, Math.max(limit, prereqs));
}
