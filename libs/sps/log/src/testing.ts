/**
 * Test doubles and helpers for code built on the engine (`@shopstream/sps-log/testing`):
 * in-memory storage that fails and crashes on demand, and a clock that moves when told.
 */
export { MemoryStorage, type FaultOp } from './storage/memory-storage';
export { ManualClock } from './clock';
