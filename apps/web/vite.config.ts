import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const contractsDir = fileURLToPath(new URL('../../packages/contracts/src/', import.meta.url));
// The contracts package exposes src/index.ts; until it exists, fall back to the enums module it re-exports.
const contractsEntry = existsSync(`${contractsDir}index.ts`)
  ? `${contractsDir}index.ts`
  : `${contractsDir}enums.ts`;

// One entry per face of the product; h5.html (mobile) and screen.html (big screen) join later.
const pages = ['index.html', 'h5.html', 'screen.html']
  .filter((page) => existsSync(fileURLToPath(new URL(page, import.meta.url))))
  .reduce<Record<string, string>>((inputs, page) => {
    inputs[page.replace(/\.html$/, '')] = fileURLToPath(new URL(page, import.meta.url));
    return inputs;
  }, {});

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@civic/contracts': contractsEntry,
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: pages,
      output: {
        codeSplitting: {
          groups: [
            // Vue first so Element Plus's chunk does not swallow the framework it depends on.
            { name: 'vue-vendor', test: /node_modules[\\/](@vue|vue|vue-router|pinia)[\\/]/, priority: 20 },
            {
              name: 'element-plus',
              test: /node_modules[\\/](element-plus|@element-plus)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
