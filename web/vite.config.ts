import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The API in development: `npm start` on its usual port; the dev server forwards to it. */
const api = process.env.GASTVRIJ_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The server sends index.html with no-cache and hashed assets for an hour; no source maps in the
    // public build keeps the bundle small and leaks no paths.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: a separate chunk stays cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
      // Login and logout are browser redirects through the server (and, in the demo, its identity provider).
      '/auth': { target: api, changeOrigin: false },
      '/idp': { target: api, changeOrigin: false },
    },
  },
});
