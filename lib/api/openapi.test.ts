import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("recipe endpoints in the OpenAPI document", () => {
  it("documents every recipe path with its query parameters and bodies", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { parameters: { name: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>> };
    for (const [path, method] of [
      ["/recipes", "get"],
      ["/recipes/{slug}", "get"],
      ["/recipes/{slug}/related", "get"],
      ["/recipes/{slug}/progress", "post"],
      ["/recipes/{slug}/bookmark", "put"],
      ["/recipes/{slug}/bookmark", "delete"],
      ["/recipes/{slug}/rating", "put"],
      ["/recipes/recommendations", "get"],
      ["/recipes/analytics/effectiveness", "get"],
    ])
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(doc.paths["/recipes"].get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["q", "skill", "type", "difficulty", "tool", "max_minutes", "bookmarked", "completed", "sort", "page", "page_size"]),
    );
    expect(doc.paths["/recipes/{slug}/rating"].put.responses["422"]).toBeDefined();
    expect(JSON.stringify(doc.paths["/recipes/{slug}/progress"].post.requestBody)).toContain("marked_used");
  });
});
