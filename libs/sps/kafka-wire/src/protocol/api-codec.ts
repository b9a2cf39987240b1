import { type Field, type Fields, struct } from './fields';

/** The request and response layout of one version of one API. */
export interface VersionCodec<Req, Res> {
  readonly version: number;
  readonly request: Field<Req>;
  readonly response: Field<Res>;
}

/**
 * Everything the server needs to know about one API: its versions (index = version number,
 * contiguous from 0) and how to answer a request with an error.
 */
export interface ApiCodec<Req, Res> {
  readonly apiKey: number;
  readonly name: string;
  /** `versions[v]` decodes/encodes version `v`; every version from 0 to the last is present. */
  readonly versions: ReadonlyArray<VersionCodec<Req, Res>>;
  /** First flexible (KIP-482) version in Kafka's message definition; we stop below it. */
  readonly flexibleFrom: number | null;
  /**
   * The response to `request` with every error code in it set to `errorCode` (Kafka's
   * `AbstractRequest.getErrorResponse`): used when a handler throws, and for an unsupported
   * version of an API whose request we could still decode.
   */
  errorResponse(request: Req, errorCode: number): Res;
  /** False when the client expects no response (Produce with acks=0). @default always true */
  expectsResponse?(request: Req): boolean;
}

/** Builds one version's codec from its request and response field lists. */
export function versionCodec<Req, Res>(
  version: number,
  request: Fields<Req>,
  response: Fields<Res>,
): VersionCodec<Req, Res> {
  return { version, request: struct(request), response: struct(response) };
}
