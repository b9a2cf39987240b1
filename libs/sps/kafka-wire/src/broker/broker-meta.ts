/**
 * The broker's identity on disk: `<dataDir>/meta.properties`, Kafka's own file name and
 * format (`KafkaRaftServer` writes the same keys), so the cluster id clients see in Metadata
 * stays the same across restarts of one data directory:
 *
 * ```
 * # written by the SPS broker; do not edit
 * version=1
 * cluster.id=<22 characters, base64url of a random UUID, like Kafka's>
 * node.id=<the node id>
 * ```
 * Version rule: a reader refuses a version it does not know. A node id different from the
 * configured one is refused too: the directory belongs to another broker (Kafka's check).
 */
import { randomUUID } from 'node:crypto';
import { SpsError } from '@shopstream/sps-core';
import { joinPath, type Storage } from '@shopstream/sps-log';

const FILE = 'meta.properties';
const VERSION = '1';

/** Reads the cluster id of `dataDir`, creating the file on first start. */
export async function loadOrCreateClusterId(
  storage: Storage,
  dataDir: string,
  nodeId: number,
): Promise<string> {
  const path = joinPath(dataDir, FILE);
  const bytes = await storage.readFile(path);
  if (bytes !== undefined) {
    const props = parseProperties(bytes.toString('utf8'));
    const problem =
      props.get('version') !== VERSION
        ? `has version ${props.get('version') ?? '(none)'}; this broker reads version ${VERSION}`
        : props.get('node.id') !== String(nodeId)
          ? `belongs to node ${props.get('node.id') ?? '(none)'}, not node ${nodeId}`
          : !props.get('cluster.id')
            ? 'has no cluster.id'
            : undefined;
    if (problem !== undefined) {
      throw new SpsError('SPS_ERR_STORAGE', `${path} ${problem}`, {
        retriable: false,
        context: { path },
      });
    }
    return props.get('cluster.id')!;
  }
  const clusterId = Buffer.from(randomUUID().replaceAll('-', ''), 'hex').toString('base64url');
  await storage.mkdirp(dataDir);
  await storage.writeFileAtomic(
    path,
    Buffer.from(
      `# written by the SPS broker; do not edit\nversion=${VERSION}\ncluster.id=${clusterId}\nnode.id=${nodeId}\n`,
    ),
  );
  return clusterId;
}

function parseProperties(text: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq > 0) props.set(trimmed.slice(0, eq).trim(), trimmed.slice(eq + 1).trim());
  }
  return props;
}
