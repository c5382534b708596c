import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two pages, one build: the dashboard (the app's team) and the admin portal (a customer's IT
// admin). Each loads only its own code plus the shared chunks. The Roster server serves
// dist/*.html at /dashboard/* and /portal/*, and dist/assets at /web/assets/.
export default defineConfig({
  base: '/web/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    rollupOptions: {
      input: { dashboard: 'dashboard.html', portal: 'portal.html' },
      output: {
        // React in one long-cached chunk, the shared design system and directory screens in another.
        manualChunks: (id) => (id.includes('node_modules') ? 'vendor' : id.includes('/src/shared/') || id.includes('/src/styles/') ? 'shared' : undefined),
      },
    },
  },
  server: {
    // `npm run dev -w @roster/web` next to a Roster on :8080.
    proxy: Object.fromEntries(['/api', '/oauth', '/portal?token'].map((path) => [path, 'http://127.0.0.1:8080'])),
  },
});
