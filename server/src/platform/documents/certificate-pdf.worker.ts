import { type CertificatePdfInput, type RenderedPdf, renderCertificatePdf } from './certificate-pdf.ts';

/** One render in a worker thread of the PDF pool (pdf-pool.ts); fonts are parsed once per thread. */
export const renderInWorker = (input: CertificatePdfInput): Promise<RenderedPdf> => renderCertificatePdf(input);
