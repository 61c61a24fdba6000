/**
 * The hand-written part of the generated client, emitted verbatim into
 * DefaultApi.client.ts: the response and option types Backstage's generated
 * clients have, the query string rules, and the one method that sends.
 */

export const CLIENT_PRELUDE = `/**
 * Wraps the Response type to convey a type on the json call.
 *
 * @public
 */
export type TypedResponse<T> = Omit<Response, 'json'> & {
  json: () => Promise<T>;
};

/**
 * Options you can pass into a request for additional information.
 *
 * @public
 */
export interface RequestOptions {
  /** Sent as \`Authorization: Bearer\`; callers with a fetchApi that adds one omit it. */
  token?: string;
}

/** A query value as a caller passes it, before it becomes a string. */
type QueryValue = string | number | boolean | null | undefined | Array<string | number>;

/**
 * The query string of the set parameters: undefined, null and '' are left
 * out (the spec's parameters are filters, empty means unset); arrays repeat
 * the key unless the parameter is \`explode: false\` (one comma-separated value).
 */
function queryString(query: object | undefined, joined: string[]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}) as [string, QueryValue][]) {
    if (value === undefined || value === null || value === '') continue;
    if (!Array.isArray(value)) {
      params.append(key, String(value));
    } else if (joined.includes(key)) {
      if (value.length) params.append(key, value.join(','));
    } else {
      for (const item of value) params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? \`?\${text}\` : '';
}
`;

export const SEND_SOURCE = `  private async send(
    method: string,
    path: string,
    query: object | undefined,
    body: unknown,
    options: RequestOptions | undefined,
    joined: string[] = [],
  ): Promise<Response> {
    // Resolved per call: discovery may hand out different hosts over time.
    const baseUrl = await this.discoveryApi.getBaseUrl(pluginId);
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options?.token) headers.Authorization = \`Bearer \${options.token}\`;
    return this.fetchApi.fetch(\`\${baseUrl}\${path}\${queryString(query, joined)}\`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
`;
