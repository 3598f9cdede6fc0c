import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [reactRouter()],
  build: {
    chunkSizeWarningLimit: 800,
    // The server build imports our packages at run time instead of copying them in,
    // so the hub and its server share one instance and never run a stale copy.
    rollupOptions: isSsrBuild ? { external: [/^@heard\//] } : {},
  },
}));
