import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The shared package is compiled from source, so the dashboard always sees the current contracts.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@whistle/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  // MapLibre alone is ~800 kB minified; it sits in the lazily loaded wall-screen chunk, so the
  // login and desk views never download it. The limit is raised to keep the build output quiet.
  build: { chunkSizeWarningLimit: 1200 },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true } },
  },
});
