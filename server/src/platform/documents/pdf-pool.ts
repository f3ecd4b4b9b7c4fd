import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { CertificatePdfInput, RenderedPdf } from './certificate-pdf.ts';

/** Renders certificates off the event loop; `close` ends the threads (at shutdown). */
export type PdfRenderPool = { render: (input: CertificatePdfInput) => Promise<RenderedPdf>; close: () => Promise<void>; threads: number };

/**
 * A PDF costs several milliseconds of pure CPU (layout, font subsets, compression). Rendered on
 * the event loop, it holds up every other request of the instance while it runs; in worker threads
 * (piscina) the event loop keeps answering and a second core does the rendering. One thread per
 * core beyond the first, at least one, at most four, started with the pool and kept: a certificate
 * at night does not wait for a thread to start and parse its fonts again. A render that throws
 * rejects like the in-process renderer.
 */
export const createPdfRenderPool = (options: { threads?: number } = {}): PdfRenderPool => {
  const threads = options.threads ?? Math.min(4, Math.max(1, availableParallelism() - 1));
  const pool = new Piscina<CertificatePdfInput, RenderedPdf>({
    filename: new URL('./certificate-pdf.worker.ts', import.meta.url).href,
    name: 'renderInWorker',
    minThreads: threads,
    maxThreads: threads,
    // First come, first served: by default a task that finds every thread busy goes back to the
    // end of the queue, and under steady load one certificate then waits behind dozens of later
    // ones (measured: up to 1.3 s in the queue for a render of 10 ms).
    stricterFIFO: true,
    // The thread's event loop keeps running between renders (with 'sync' it blocks in
    // Atomics.wait; one run measured 65 against 80 certificates/s, before stricterFIFO).
    atomics: 'disabled',
    // PDFKit makes much short-lived garbage: a larger young generation scavenges less often. No
    // difference this machine could resolve (alternating runs within its noise); kept as harmless.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  return {
    render: async (input) => {
      const { bytes, sha256 } = await pool.run(input);
      // Structured cloning turns the Buffer into a Uint8Array; callers expect a Buffer.
      return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), sha256 };
    },
    close: () => pool.destroy(),
    threads,
  };
};
