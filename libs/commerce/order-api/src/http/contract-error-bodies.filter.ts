/**
 * The order API answers errors with the contracts' bodies (`{ error: <code>, ... }`), also
 * those Fastify raises before a handler runs, which Nest turns into an `HttpException` with
 * Fastify's message:
 *
 * - 413 (body over `MAX_ORDER_BODY_BYTES`) → `payload_too_large` with the limit;
 * - 415 (a media type Fastify has no parser for) → `unsupported_media_type`;
 * - 400 with a plain message on `POST /orders` (the JSON parser: malformed or empty body) →
 *   `validation_failed` with one issue on the body as a whole (field `""`).
 *
 * Every other exception keeps the body Nest gives it (the handlers' own contract bodies, the
 * health check's report, Nest's `{ statusCode, message }`).
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import {
  MAX_ORDER_BODY_BYTES,
  payloadTooLarge,
  validationFailed,
} from '@shopstream/commerce-contracts';
import { UNSUPPORTED_MEDIA_TYPE } from '../orders/orders.controller';

interface HttpPair {
  request: { method: string; url: string };
  reply: { status(code: number): { send(body: unknown): unknown } };
}

@Catch(HttpException)
export class ContractErrorBodiesFilter implements ExceptionFilter<HttpException> {
  catch(exception: HttpException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const { request, reply } = {
      request: http.getRequest<HttpPair['request']>(),
      reply: http.getResponse<HttpPair['reply']>(),
    };
    const status = exception.getStatus();
    reply.status(status).send(bodyOf(exception, status, request));
  }
}

function bodyOf(exception: HttpException, status: number, request: HttpPair['request']): unknown {
  const response = exception.getResponse();
  if (typeof response === 'object') return response;
  if (status === 413) return payloadTooLarge(MAX_ORDER_BODY_BYTES);
  if (status === 415) return UNSUPPORTED_MEDIA_TYPE;
  if (status === 400 && request.method === 'POST' && request.url.split('?')[0] === '/orders') {
    return validationFailed([{ field: '', message: `must be valid JSON (${response})` }]);
  }
  return { statusCode: status, message: response };
}
