import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * One /api/v1 endpoint. route() enforces it (permission, params, query, body, status) and the
 * OpenAPI document is built from it, so the two cannot say different things. Each domain keeps
 * its contracts, with the request schemas they parse, in lib/api/contracts/<domain>.ts.
 */
export interface Contract {
  method: Method;
  /** OpenAPI style: /missions/{id}. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Omit for public endpoints (sign-up, the OpenAPI document). */
  permission?: Permission;
  params?: z.ZodType;
  query?: z.ZodType;
  /** Parsed by route() before the handler runs; a failure is a 400 with a reason per field. */
  body?: z.ZodType;
  /**
   * The body as documented when route() must not parse it: a content pack is checked by the
   * import itself so that every error is reported by path, and telemetry beacons arrive as
   * text/plain, which route() refuses.
   */
  documentedBody?: z.ZodType;
  multipart?: boolean;
  /** route()'s JSON body limit when the default (1 MB) is too small. */
  maxBodyBytes?: number;
  /** The 2xx JSON body; the integration tests' call() checks every real response against it. */
  response?: z.ZodType;
  status?: number;
  errors?: number[];
}

// Contract modules also export their request schemas; the brand tells the index which exports
// are endpoints.
const defined = new WeakSet<object>();

/** Declares an endpoint, keeping the literal types of its schemas for route()'s handler context. */
export function defineContract<C extends Contract>(contract: C): C {
  defined.add(contract);
  return contract;
}

export function isContract(value: unknown): value is Contract {
  return typeof value === "object" && value !== null && defined.has(value);
}
