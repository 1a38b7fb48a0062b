import "server-only";
import type { ReactNode } from "react";
import { renderMarkdown } from "./markdown-render";

// Markdown is rendered on the server only: no markdown library reaches a learner's browser. A
// client component that shows markdown (the decision panel, hints, the recipe drawer) receives the
// rendered nodes as props from a server component or a server action.
//
// Rendered trees are kept by text (content versions are immutable, so the same text always renders
// the same): a stage page rendered again re-uses its instructions instead of parsing them again.
// React elements are immutable values, safe to share between requests.

const KEEP = 2000;
const kept = new Map<string, ReactNode>();

function rendered(text: string, mode: "block" | "inline"): ReactNode {
  const key = `${mode}\u0000${text}`;
  const hit = kept.get(key);
  if (hit !== undefined) {
    // Least recently used goes first: move a hit to the end.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const tree = renderMarkdown(text, mode);
  kept.set(key, tree);
  if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
  return tree;
}

/** Markdown from content packs (stories, instructions, recipe steps), sanitised. */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return <div className={className ?? "prose-sortie"}>{rendered(children, "block")}</div>;
}

/** Inline markdown (`code`, *emphasis*, links) inside an element of the caller's: prompts, hints, descriptions. */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{rendered(text, "inline")}</>;
}

/** The rendered block markdown as a node to hand to a client component. */
export const markdownNode = (text: string): ReactNode => <Markdown>{text}</Markdown>;
/** The rendered inline markdown as a node to hand to a client component. */
export const inlineNode = (text: string): ReactNode => <InlineMarkdown text={text} />;
