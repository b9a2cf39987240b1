export {
  SpsModule,
  SPS_MODULE_OPTIONS,
  type SpsModuleOptions,
  type SpsModuleAsyncOptions,
} from './sps.module';
export { SpsServer, EVENT_TYPE_HEADER, type SpsServerOptions } from './sps.server';
export { SpsContext } from './sps.context';
export { SpsClientProxy, type SpsEventRoute, type SpsEventRoutes } from './sps.client-proxy';
export { SpsExceptionFilter } from './sps.exception-filter';
export { connectSpsTransport } from './connect-sps-transport';
