import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errors, formatPath, fromZod } from "./errors";
import { errorBody } from "@/lib/api/errors";

describe("error mapping", () => {
  it.each([
    [errors.badRequest("x"), 400, "bad_request"],
    [errors.validation({ a: "b" }), 400, "validation_failed"],
    [errors.unauthorized(), 401, "unauthorized"],
    [errors.forbidden(), 403, "forbidden"],
    [errors.notFound("Mission"), 404, "not_found"],
    [errors.conflict("x"), 409, "conflict"],
    [errors.tooLarge(), 413, "payload_too_large"],
    [errors.unsupported("x"), 415, "unsupported_media_type"],
    [errors.rule("x"), 422, "rule_not_met"],
    [errors.rateLimited(), 429, "rate_limited"],
  ])("%s → %i %s", (e, status, code) => {
    expect(e.status).toBe(status);
    expect(errorBody(e).error.code).toBe(code);
  });

  it("produces SPEC §4's shape with the wrong fields", () => {
    expect(errorBody(errors.validation({ email: "Enter a valid email address" }))).toEqual({
      error: { code: "validation_failed", message: "Some fields are not valid.", fields: { email: "Enter a valid email address" } },
    });
  });

  it("omits fields when there are none", () => {
    expect(errorBody(errors.notFound("Mission"))).toEqual({ error: { code: "not_found", message: "Mission not found." } });
  });

  it("formats zod paths like stages[2].hints[0].penalty", () => {
    expect(formatPath(["stages", 2, "hints", 0, "penalty"])).toBe("stages[2].hints[0].penalty");
    expect(formatPath([])).toBe("(root)");
    const r = z.object({ a: z.array(z.object({ b: z.number() })) }).safeParse({ a: [{ b: "x" }] });
    const e = fromZod(r.error!);
    expect(e).toBeInstanceOf(AppError);
    expect(Object.keys(e.fields!)).toEqual(["a[0].b"]);
  });
});
