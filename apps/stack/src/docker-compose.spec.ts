// docker-compose.yml cannot be run on our machines (no Docker engine), so CI checks what it can:
// the file is valid for docker-compose, and every service of the local stack is in it with the
// same configuration keys (only values differ), building the one Dockerfile.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINTS, SERVICES, serviceEnv } from './services';

const root = join(__dirname, '../../..');
const composeFile = join(root, 'docker-compose.yml');

interface ComposeService {
  build?: { context: string; target?: string; args?: Record<string, string> };
  environment?: Record<string, unknown>;
  healthcheck?: unknown;
  depends_on?: Record<string, { condition: string }>;
}

function resolvedCompose(): { services: Record<string, ComposeService> } {
  // `config` resolves the YAML anchors and merges exactly as docker-compose will.
  const out = execFileSync('docker-compose', ['-f', composeFile, 'config'], { encoding: 'utf8' });
  return parse(out) as { services: Record<string, ComposeService> };
}

const haveCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

describe('docker-compose.yml', () => {
  it.runIf(haveCompose || process.env['CI'])('is valid for docker-compose (`config -q`)', () => {
    const result = spawnSync('docker-compose', ['-f', composeFile, 'config', '-q'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.runIf(haveCompose || process.env['CI'])(
    'runs every stack service from the one Dockerfile with the same configuration keys',
    () => {
      const { services } = resolvedCompose();
      for (const service of SERVICES) {
        const composed = services[service.name];
        expect(composed, `${service.name} is missing from docker-compose.yml`).toBeDefined();
        expect(composed!.build).toMatchObject({ target: 'runtime', args: { APP: service.name } });
        expect(composed!.healthcheck, `${service.name} has a health check`).toBeDefined();
        const stackKeys = Object.keys(
          serviceEnv(service, DEFAULT_ENDPOINTS, 'postgres://x'),
        ).filter((k) => k !== 'DATABASE_URL' || service.database);
        expect(Object.keys(composed!.environment ?? {}).sort(), service.name).toEqual(
          stackKeys.sort(),
        );
        expect(Object.keys(composed!.depends_on ?? {})).toContain('kafka');
        if (service.database) expect(Object.keys(composed!.depends_on ?? {})).toContain('migrate');
      }
    },
  );

  it('has a migrate step for every service database', () => {
    const text = readFileSync(composeFile, 'utf8');
    for (const s of SERVICES.filter((x) => x.database)) {
      expect(text).toContain(`--config ${s.database!.prismaConfig}`);
      expect(text).toContain(`${s.database!.urlEnv}:`);
    }
  });
});
