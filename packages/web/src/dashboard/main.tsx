import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import { Router } from '../shared/router.js';
import { ToastProvider } from '../shared/ui/toast.js';
import { DashboardApp } from './DashboardApp.js';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ToastProvider>
        <Router base="/dashboard">
          <DashboardApp />
        </Router>
      </ToastProvider>
    </StrictMode>,
  );
}
