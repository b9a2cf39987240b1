// Typed request/response over a RawClient: for handler tests that need a specific API
// version or a request no real client sends (magic 0 message sets, RF 3, acks 2, ...).
import { type ApiKey } from '../../protocol/api-keys';
import { type RequestOf, type ResponseOf } from '../../protocol/apis';
import { decodeResponse } from '../../protocol/codec';
import { RawClient } from './raw-client';

export interface Caller {
  readonly client: RawClient;
  readonly call: <K extends ApiKey>(
    apiKey: K,
    version: number,
    request: RequestOf<K>,
  ) => Promise<ResponseOf<K>>;
  /** Sends without waiting (acks=0, or to park a request). Returns its correlation id. */
  readonly send: <K extends ApiKey>(apiKey: K, version: number, request: RequestOf<K>) => number;
  /** The response to a request sent with `send`. */
  readonly receive: <K extends ApiKey>(
    apiKey: K,
    version: number,
    timeoutMs?: number,
  ) => Promise<ResponseOf<K>>;
}

export async function rawCaller(port: number, clientId = 'raw'): Promise<Caller> {
  const client = await RawClient.connect(port);
  let correlationId = 0;
  const send: Caller['send'] = (apiKey, version, request) => {
    client.send(apiKey, version, ++correlationId, request, clientId);
    return correlationId;
  };
  const receive: Caller['receive'] = async (apiKey, version, timeoutMs = 10_000) => {
    const { body } = await client.next(timeoutMs);
    return decodeResponse(apiKey, version, body);
  };
  const call: Caller['call'] = (apiKey, version, request) => {
    send(apiKey, version, request);
    return receive(apiKey, version);
  };
  return { client, send, receive, call };
}
