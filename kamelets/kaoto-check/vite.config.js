import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: { alias: { kaoto: fileURLToPath(new URL('./node_modules/@kaoto/kaoto/lib/esm', import.meta.url)) } },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 100000,
    rollupOptions: { input: { catalog: 'index.html', design: 'design.html' } },
  },
  base: './',
});
