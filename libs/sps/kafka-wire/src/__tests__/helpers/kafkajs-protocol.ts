// kafkajs 2.2.4's own request encoders and response decoders, for golden-byte tests: what
// kafkajs puts on the wire is exactly what `request.encode()` returns, and what it makes of
// our responses is exactly what its `decode` + `parse` return. Deep imports of kafkajs
// internals are fine here: kafkajs is pinned at 2.2.4.
/* eslint-disable @typescript-eslint/no-require-imports */

interface KafkajsEncoder {
  buffer: Buffer;
}
interface KafkajsRequest {
  apiKey: number;
  apiVersion: number;
  encode(): Promise<KafkajsEncoder>;
}
interface KafkajsResponse {
  decode(body: Buffer): Promise<unknown>;
  parse(decoded: unknown): Promise<unknown>;
}

/** kafkajs folder names of the APIs under src/protocol/requests. */
export type KafkajsApi =
  | 'produce'
  | 'fetch'
  | 'listOffsets'
  | 'metadata'
  | 'offsetCommit'
  | 'offsetFetch'
  | 'findCoordinator'
  | 'joinGroup'
  | 'heartbeat'
  | 'leaveGroup'
  | 'syncGroup'
  | 'describeGroups'
  | 'listGroups'
  | 'saslHandshake'
  | 'apiVersions'
  | 'createTopics'
  | 'deleteTopics'
  | 'deleteRecords'
  | 'initProducerId'
  | 'describeConfigs'
  | 'alterConfigs'
  | 'saslAuthenticate'
  | 'createPartitions'
  | 'deleteGroups';

function load(api: KafkajsApi, version: number, file: 'request' | 'response'): unknown {
  return require(`kafkajs/src/protocol/requests/${api}/v${version}/${file}`);
}

/** The request body kafkajs sends for `api` v`version` built from `args` (no header). */
export async function kafkajsRequestBody(
  api: KafkajsApi,
  version: number,
  args: object = {},
): Promise<Buffer> {
  const factory = load(api, version, 'request') as (a: object) => KafkajsRequest;
  const request = factory(args);
  if (request.apiVersion !== version)
    throw new Error(`kafkajs ${api} v${version} encodes v${request.apiVersion}`);
  return Buffer.from((await request.encode()).buffer);
}

/**
 * What kafkajs makes of a response body: `decode`, then `parse` unless `parse: false`.
 * A few kafkajs response modules are factories of the request (DeleteRecords): `requestArgs`.
 */
export async function kafkajsResponse(
  api: KafkajsApi,
  version: number,
  body: Buffer,
  options: { parse?: boolean; requestArgs?: object } = {},
): Promise<unknown> {
  const loaded = load(api, version, 'response') as
    KafkajsResponse | ((args: object) => KafkajsResponse);
  const response = typeof loaded === 'function' ? loaded(options.requestArgs ?? {}) : loaded;
  const decoded = await response.decode(body);
  return options.parse === false ? decoded : response.parse(decoded);
}

/** kafkajs's Long, for int64 request fields kafkajs expects as Long. */
export const Long = require('kafkajs/src/utils/long') as {
  fromNumber(n: number): unknown;
  fromInt(n: number): unknown;
};
