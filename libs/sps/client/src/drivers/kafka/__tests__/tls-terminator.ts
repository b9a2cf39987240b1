// A TLS terminator in front of a plain listener (what stunnel or an nginx `stream` block does
// for the SPS broker in production), with a self-signed certificate for 127.0.0.1 made by the
// openssl CLI, so the kafka driver's `ssl` option is exercised for real.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { tempDir } from '@shopstream/sps-testing';

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

/** Whether the openssl CLI is there to make a certificate. */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed certificate for IP 127.0.0.1, valid for a day. */
export async function selfSignedCertificate(): Promise<Certificate> {
  const dir = await tempDir('sps-tls-');
  try {
    const [key, cert] = [join(dir.path, 'key.pem'), join(dir.path, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    await dir.remove();
  }
}

export class TlsTerminator {
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(
    target: { host: string; port: number },
    certificate: Certificate,
  ): Promise<TlsTerminator> {
    const holder: { terminator?: TlsTerminator } = {};
    const server = createServer(certificate, (client) => {
      const upstream = connect(target);
      for (const s of [client, upstream]) {
        holder.terminator?.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => {
          holder.terminator?.sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    server.on('tlsClientError', () => undefined); // a client refusing our certificate
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.terminator = new TlsTerminator(server, (server.address() as AddressInfo).port);
    return holder.terminator;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
