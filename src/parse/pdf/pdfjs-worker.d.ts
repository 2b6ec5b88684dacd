/** pdf.js's worker module, loaded in this thread (the package ships no types for it). */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
