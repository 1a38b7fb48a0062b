import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { InlineMarkdown, Markdown } from "./markdown";

const block = (text: string) => renderToStaticMarkup(createElement(Markdown, { children: text }));
const inline = (text: string) => renderToStaticMarkup(createElement(InlineMarkdown, { text }));

describe("Markdown (rendered on the server)", () => {
  it("renders GFM: headings, lists, tables, code", () => {
    const html = block("## Triage\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nRun `grep`.");
    expect(html).toContain("<h2>Triage</h2>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<td>1</td>");
    expect(html).toContain("<code>grep</code>");
  });

  it("keeps code blocks focusable, so their long lines scroll with the keyboard", () => {
    expect(block("```\n203.0.113.45 - - [12/Mar] \"GET /\" 200\n```")).toMatch(/<pre tabindex="0"><code>203\.0\.113\.45/);
  });

  it("drops raw HTML, scripts, event handlers and javascript: links", () => {
    const html = block('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) <b onclick="x()">bold</b>');
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img|<b[ >]/);
    expect(html).toContain("click");
  });

  it("renders inline markdown in prompts and hints: code spans without a paragraph around them", () => {
    const html = inline("Only lines containing `Failed password` count; *then* decide.");
    expect(html).not.toContain("`");
    expect(html).not.toContain("<p>");
    expect(html).toMatch(/<code class="[^"]*font-mono[^"]*">Failed password<\/code>/);
    expect(html).toContain("<em>then</em>");
    // Lines an author starts with "#" or "-" stay text: no heading or list inside a prompt.
    expect(inline("# Not a heading\n- not a list")).not.toMatch(/<h1|<ul|<li/);
    expect(inline('<script>alert(1)</script> `x`')).not.toContain("<script");
  });

  it("gives the same text the same tree (kept between renders) and different texts their own", () => {
    expect(block("Same `text`.")).toBe(block("Same `text`."));
    expect(block("Other `text`.")).not.toBe(block("Same `text`."));
  });
});
