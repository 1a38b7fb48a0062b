import "server-only";
import type { z } from "zod";
import { AppError, errors, fromZod, zodFields } from "@/lib/errors";
import { errorBody } from "@/lib/api/errors";
import { callerFromRequest, type Caller } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import type { Contract } from "./contract";
import { logFailure } from "@/lib/log";
import { inputProblem, assertStorable, parseJsonText } from "./input";

const DEFAULT_MAX_BODY = 1024 * 1024; // 1 MB of JSON is far more than any endpoint needs.

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

interface Ctx<C extends Contract> {
  req: Request;
  caller: Caller;
  body: Parsed<C["body"]>;
  query: Parsed<C["query"]>;
  params: Parsed<C["params"]>;
}

/** A route handler carrying its contract, so tests can check its responses against the document. */
export type ContractHandler<C extends Contract> = ((req: Request, context?: RouteContext) => Promise<Response>) & { contract: C };

export function withContract<C extends Contract>(contract: C, handler: (req: Request, context?: RouteContext) => Promise<Response>): ContractHandler<C> {
  return Object.assign(handler, { contract });
}

export function json(data: unknown, status = 200, headers?: HeadersInit) {
  return Response.json(data, { status, headers });
}

export function errorResponse(e: unknown, operation = "request"): Response {
  if (e instanceof AppError) {
    const headers: HeadersInit = e.code === "rate_limited" ? { "retry-after": "60" } : {};
    return json(errorBody(e), e.status, headers);
  }
  // The client went away while its request body was read: nothing failed on our side and nobody is
  // there to read the answer, so it is not logged as an error.
  if (e instanceof Error && ((e as { code?: string }).code === "ECONNRESET" || e.message === "aborted")) {
    return json(errorBody(errors.badRequest("The request was aborted by the client.")), 400);
  }
  // Unexpected: log for operators (the code and the operation, never the values), show a generic
  // message (never e.message) to the caller.
  logFailure(operation, e);
  return json(errorBody(new AppError("internal", "Something went wrong on our side.")), 500);
}

async function readJson(req: Request, max: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) throw errors.tooLarge(`The body is larger than ${Math.round(max / 1024)} KB.`);
  const type = req.headers.get("content-type") ?? "";
  if (type && !type.includes("json")) throw errors.unsupported("Send the body as application/json.");
  const buf = await req.arrayBuffer();
  if (buf.byteLength > max) throw errors.tooLarge(`The body is larger than ${Math.round(max / 1024)} KB.`);
  if (buf.byteLength === 0) return {};
  return parseJsonText(new TextDecoder().decode(buf));
}

/**
 * The one wrapper for /api/v1 route handlers: resolve the caller, check the contract's permission,
 * parse its params, query and body with zod, run, and map every error to SPEC §4's JSON shape.
 */
export function route<C extends Contract>(contract: C, fn: (ctx: Ctx<C>) => Promise<unknown>): ContractHandler<C> {
  return withContract(contract, async (req, context) => {
    try {
      const caller = await callerFromRequest(req);
      if (contract.permission) {
        if (!caller) throw errors.unauthorized();
        if (!can(caller.role, contract.permission)) throw errors.forbidden();
      }
      let params: unknown = undefined;
      if (contract.params) {
        const raw = (await context?.params) ?? {};
        const r = contract.params.safeParse(raw);
        // A path naming something that cannot exist (NUL, a lone surrogate) is as unknown as any other.
        if (!r.success || inputProblem(raw)) throw errors.notFound();
        params = r.data;
      }
      let query: unknown = undefined;
      if (contract.query) {
        const url = new URL(req.url);
        const raw = Object.fromEntries(url.searchParams);
        assertStorable(raw, "Some query parameters are not valid.");
        const r = contract.query.safeParse(raw);
        if (!r.success) throw fromZod(r.error, "Some query parameters are not valid.");
        query = r.data;
      }
      let body: unknown = undefined;
      if (contract.body) {
        const raw = await readJson(req, contract.maxBodyBytes ?? DEFAULT_MAX_BODY);
        const r = contract.body.safeParse(raw);
        if (!r.success) throw errors.validation(zodFields(r.error));
        body = r.data;
      }
      const result = await fn({ req, caller: caller as Caller, body, query, params } as Ctx<C>);
      if (result instanceof Response) return result;
      return json(result ?? { ok: true }, contract.status ?? 200);
    } catch (e) {
      return errorResponse(e, `${contract.method.toUpperCase()} /api/v1${contract.path}`);
    }
  });
}
