import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmbeddedIdp, type EmbeddedIdpOptions } from './embedded-idp.ts';

/** The provider's options for a server of its own; only the path of `issuer` is used, if given. */
export type StandaloneIdpOptions = Omit<EmbeddedIdpOptions, 'issuer'> & { issuer?: string; port?: number };

/** A provider on its own HTTP server. */
export type StandaloneIdp = { issuer: string; close: () => Promise<void> };

/**
 * Serves the embedded provider on its own Node HTTP server on 127.0.0.1 (port 0: a free port), so
 * an integration test can log in against it as against an external identity provider such as
 * ACM/IDM. The issuer is `http://127.0.0.1:<port><path of options.issuer>`.
 */
export const startStandaloneIdp = async (options: StandaloneIdpOptions): Promise<StandaloneIdp> => {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stopServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const { port } = server.address() as AddressInfo;
  const path = options.issuer ? new URL(options.issuer).pathname.replace(/\/+$/, '') : '';
  try {
    const idp = await createEmbeddedIdp({ ...options, issuer: `http://127.0.0.1:${port}${path}` });
    server.on('request', idp.callback);
    return {
      issuer: idp.issuer,
      close: async () => {
        await idp.close();
        await stopServer();
      },
    };
  } catch (error) {
    await stopServer();
    throw error;
  }
};
