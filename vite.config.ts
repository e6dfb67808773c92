import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { viewerServer } from './src/server/http/vite-plugin.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), viewerServer()],
  build: { outDir: 'dist/client', emptyOutDir: true },
  // Module workers keep their own dynamic imports, so the text index answers searches before the tokenizer arrives.
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
