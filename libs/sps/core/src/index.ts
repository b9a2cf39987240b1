export * from './vocabulary';
export * from './partitioner';
export * from './errors/catalog';
export * from './errors/sps-error';
export * from './codec/byte-reader';
export * from './codec/byte-writer';
export * from './codec/crc32c';
export * from './codec/record-batch';
