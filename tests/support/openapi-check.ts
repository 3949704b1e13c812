/**
 * Checks real responses against the OpenAPI document: the status must be documented for that
 * path, and the body must validate against the document's JSON Schema (draft 2020-12, which is
 * OpenAPI 3.1's dialect) for that status and content type. Used by the unit and e2e tests.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Doc = { paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, unknown> }> } }> };

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export function openApiChecker(doc: object) {
  // OpenAPI keywords (paths, responses…) are not JSON Schema; only the schemas inside are compiled.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, "openapi");
  const paths = (doc as Doc).paths;

  /** Problems with one response (empty when it conforms). `template` is the document's path. */
  return function check(template: string, status: number, contentType: string | null, body: unknown): string[] {
    const responses = paths[template]?.get?.responses;
    if (!responses) return [`${template} is not in the document`];
    const documented = responses[String(status)];
    if (!documented) return [`${template} does not document status ${status} (documents ${Object.keys(responses).join(", ")})`];
    if (status === 304) return body === null || body === "" ? [] : ["304 with a body"];
    const media = (contentType ?? "").split(";")[0]!.trim();
    if (!documented.content?.[media]) return [`${template} ${status} does not document ${media || "a missing content type"}`];
    if (media !== "application/json") return [];
    const validate = ajv.getSchema(`openapi#/${pointer("paths", template, "get", "responses", String(status), "content", media, "schema")}`);
    if (!validate) return [`no schema for ${template} ${status}`];
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${template} ${status}: ${e.instancePath} ${e.message}`);
  };
}
