import { describe, expect, it, vi } from "vitest";
import { errorResponse } from "./handler";
import { errors } from "@/lib/errors";

describe("errorResponse", () => {
  it("answers a client that hung up with a 400 and logs nothing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    const r = errorResponse(aborted);
    expect(r.status).toBe(400);
    expect((await r.json()).error.code).toBe("bad_request");
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it("keeps known errors' status and hides unexpected ones behind a logged 500", async () => {
    expect(errorResponse(errors.notFound("Mission")).status).toBe(404);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const r = errorResponse(new Error("secret detail"));
    expect(r.status).toBe(500);
    expect(JSON.stringify(await r.json())).not.toContain("secret detail");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
