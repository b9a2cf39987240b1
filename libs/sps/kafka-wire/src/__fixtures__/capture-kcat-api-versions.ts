// Regenerates kcat-api-versions.json:
//   npx tsx --tsconfig tsconfig.base.json libs/sps/kafka-wire/src/__fixtures__/capture-kcat-api-versions.ts
// (needs `kcat` on PATH: `apt-get install -y kcat`; the fixture was taken with kcat 1.7.1 /
// librdkafka 2.0.2). A throw-away TCP server records the first frame kcat sends (ApiVersions
// v3, flexible, request header v2), answers it exactly as KafkaServer does (v0 layout, error
// 35, our ranges), and records the next frame, which must be librdkafka's ApiVersions v0 retry.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { ApiKey } from '../protocol/api-keys';
import { encodeResponse } from '../protocol/codec';
import { KafkaError } from '../protocol/error-codes';
import { responseFrame } from '../protocol/header';
import { SUPPORTED_VERSIONS } from '../protocol/supported-versions';

function frames(socket: Socket, onFrame: (frame: Buffer) => void): void {
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4 && buffered.length >= 4 + buffered.readInt32BE(0)) {
      const size = buffered.readInt32BE(0);
      onFrame(buffered.subarray(4, 4 + size));
      buffered = buffered.subarray(4 + size);
    }
  });
}

async function main(): Promise<void> {
  const captured: Buffer[] = [];
  const server = createServer((socket) =>
    frames(socket, (frame) => {
      captured.push(Buffer.from(frame));
      if (captured.length === 1) {
        const body = encodeResponse(ApiKey.ApiVersions, 0, {
          errorCode: KafkaError.UNSUPPORTED_VERSION,
          apiKeys: SUPPORTED_VERSIONS.map(({ apiKey, minVersion, maxVersion }) => ({
            apiKey,
            minVersion,
            maxVersion,
          })),
          throttleTimeMs: 0,
        });
        socket.write(responseFrame(frame.readInt32BE(4), body));
      } else {
        socket.destroy();
        server.close();
      }
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const version = await new Promise<string>((resolve) =>
    execFile('kcat', ['-V'], (_e, stdout) =>
      resolve(stdout.split('\n').find((l) => l.startsWith('Version')) ?? ''),
    ),
  );
  await new Promise<void>((resolve) =>
    execFile('kcat', ['-L', '-b', `127.0.0.1:${port}`, '-m', '2'], () => resolve()),
  );
  server.close();
  const [first, second] = captured;
  if (first === undefined || second === undefined)
    throw new Error(`captured ${captured.length} frames, need 2`);
  const out = {
    kcat: version.trim(),
    note: 'frames without their 4-byte size; first = ApiVersions v3 (flexible), second = the retry after our v0-layout error-35 answer',
    apiVersionsV3Request: first.toString('hex'),
    retryAfterFallback: second.toString('hex'),
  };
  writeFileSync(join(__dirname, 'kcat-api-versions.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(out);
}

void main();
