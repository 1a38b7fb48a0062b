import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

// Code and log blocks keep their lines whole and scroll sideways inside the block, so each is
// focusable: a keyboard user can scroll it too (axe: scrollable-region-focusable).
const components: Components = {
  pre: ({ node: _node, ...props }) => <pre tabIndex={0} {...props} />,
};

/** Markdown from content packs (stories, instructions, recipe steps), sanitised. */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={className ?? "prose-sortie"}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={components}>{children}</ReactMarkdown>
    </div>
  );
}
