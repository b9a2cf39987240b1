/**
 * Producer ids for the idempotent producer (Kafka's InitProducerId without a transactional
 * id): unique for the life of the data directory, never reused after a restart. Ids are handed
 * out from blocks; the end of the current block is persisted before any id of it is used, so a
 * crash skips the rest of a block instead of repeating an id.
 *
 * File `<dataDir>/producer-ids.json`, format version 1: `{ "version": 1, "nextBlockStart": n }`.
 */
import { SpsError } from '@shopstream/sps-core';
import { SerialQueue } from '../serial-queue';
import { joinPath, type Storage } from '../storage/storage';

const FORMAT_VERSION = 1;
const BLOCK_SIZE = 1000;

export class ProducerIdAllocator {
  private next = 0;
  private blockEnd = 0;
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly storage: Storage,
    private readonly path: string,
  ) {}

  static async open(storage: Storage, dataDir: string): Promise<ProducerIdAllocator> {
    const allocator = new ProducerIdAllocator(storage, joinPath(dataDir, 'producer-ids.json'));
    const bytes = await storage.readFile(allocator.path);
    if (bytes) {
      const parsed = JSON.parse(bytes.toString('utf8')) as {
        version: number;
        nextBlockStart: number;
      };
      if (parsed.version !== FORMAT_VERSION) {
        throw new SpsError(
          'SPS_ERR_STORAGE',
          `${allocator.path}: unknown format version ${parsed.version}`,
          {
            retriable: false,
          },
        );
      }
      allocator.next = parsed.nextBlockStart;
      allocator.blockEnd = parsed.nextBlockStart;
    }
    return allocator;
  }

  /** A fresh producer id, epoch 0. */
  allocate(): Promise<{ producerId: number; producerEpoch: number }> {
    return this.queue.run(async () => {
      if (this.next >= this.blockEnd) {
        const blockEnd = this.next + BLOCK_SIZE;
        await this.storage.writeFileAtomic(
          this.path,
          Buffer.from(JSON.stringify({ version: FORMAT_VERSION, nextBlockStart: blockEnd })),
        );
        this.blockEnd = blockEnd;
      }
      return { producerId: this.next++, producerEpoch: 0 };
    });
  }
}
