export * from './types';
export * from './clock';
export * from './storage/storage';
export { NodeStorage } from './storage/node-storage';
export { Engine, type EngineOptions } from './engine/engine';
export { PartitionLog, type PartitionLogOptions } from './partition/partition-log';
export * from './coordinator/index';
