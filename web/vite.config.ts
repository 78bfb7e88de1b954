import { defineConfig } from 'vite';

// Built into web/dist and served as static files by `eucomply serve` (which also answers
// /api/v1/). Relative asset paths so the page works from any mount point; no external URLs.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
