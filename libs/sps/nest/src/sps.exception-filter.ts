import { type ArgumentsHost, Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Hands a handler's error to the SPS delivery runtime unchanged. Nest's default RPC filter
 * replaces every unknown error with `{ status: 'error', message: 'Internal server error' }`,
 * which would erase `retriable` and the message, and with them the retry / dead-letter
 * decision and the dead letter's reason. `connectSpsTransport` installs it.
 */
@Catch()
export class SpsExceptionFilter implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
