// Whether a Docker engine answers here, and if not, why: the containers suite reports exactly
// that instead of failing or silently passing.
import { spawnSync } from 'node:child_process';

export function dockerUnavailableReason(): string | undefined {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (result.error) return `the docker CLI is not installed (${result.error.message})`;
  if (result.status !== 0) {
    const why =
      (result.stderr || result.stdout).trim().split('\n')[0] ?? `exit code ${result.status}`;
    return `no Docker engine answers: ${why}`;
  }
  return undefined;
}
