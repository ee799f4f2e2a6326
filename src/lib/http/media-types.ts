// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/): Apollo
// Server negotiates the response media type from Accept
// (`application/graphql-response+json` when the client prefers it, else
// `application/json`, also without Accept) and answers 400 to a document that
// does not parse or validate, or whose variables do not coerce. The
// specification sets 400 for `application/graphql-response+json` only; for
// `application/json` (the legacy media type) a server SHOULD answer 200 to
// every well-formed request, whatever GraphQL error it raises, because legacy
// clients and intermediaries cannot tell a GraphQL error from a transport one.
// This function makes that change; malformed HTTP requests (BAD_REQUEST: no
// query, bad JSON, CSRF refusal) keep their 400. See docs/graphql-over-http.md.

/** GraphQL request errors: the request was well-formed; the document or its variables were not. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function legacyJsonStatus(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType?.startsWith('application/json')) return status;
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    const codes = (parsed.errors ?? []).map((e) => e.extensions?.code);
    return codes.length > 0 && codes.every((c) => typeof c === 'string' && REQUEST_ERROR_CODES.has(c)) ? 200 : status;
  } catch {
    return status;
  }
}
