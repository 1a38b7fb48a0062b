import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import type { ReactNode } from "react";

// The one markdown pipeline (GFM, then rehype-sanitize's default schema: no raw HTML, no scripts,
// no event handlers, safe URLs only). Server components render through components/ui/markdown.tsx,
// which keeps the result; only the studio's live preview runs it in the browser (its own chunk).

// Code and log blocks keep their lines whole and scroll sideways inside the block, so each is
// focusable: a keyboard user can scroll it too (axe: scrollable-region-focusable).
const blockComponents: Components = {
  pre: ({ node: _node, ...props }) => <pre tabIndex={0} {...props} />,
};

// Inline text (decision prompts, choices, consequences, hints, API descriptions): phrasing only, so
// a stray "#" or "-" at a line start stays text-like, and paragraphs melt into the surrounding
// element (which keeps its own whitespace-pre-line for line breaks).
const INLINE_ELEMENTS = ["code", "em", "strong", "del", "a", "br"];
const inlineComponents: Components = {
  code: ({ node: _node, ...props }) => <code className="rounded bg-slate-900/[0.07] px-1 font-mono text-[0.9em]" {...props} />,
  a: ({ node: _node, ...props }) => <a className="underline" {...props} />,
};

/** The rendered tree of `text`: block markdown (headings, lists, code blocks) or inline only. */
export function renderMarkdown(text: string, mode: "block" | "inline" = "block"): ReactNode {
  // Called as a function (react-markdown's component is synchronous and has no hooks) so the
  // caller can keep the tree it returns.
  return mode === "block"
    ? ReactMarkdown({ children: text, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSanitize], components: blockComponents })
    : ReactMarkdown({ children: text, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSanitize], components: inlineComponents, allowedElements: INLINE_ELEMENTS, unwrapDisallowed: true });
}

/** Markdown rendered where it is used: for the studio's live preview only (a client component). */
export function LiveMarkdown({ children, className }: { children: string; className?: string }) {
  return <div className={className ?? "prose-sortie"}>{renderMarkdown(children)}</div>;
}
