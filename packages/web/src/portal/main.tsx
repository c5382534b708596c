import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import { ToastProvider } from '../shared/ui/toast.js';
import { PortalApp } from './PortalApp.js';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ToastProvider>
        <PortalApp />
      </ToastProvider>
    </StrictMode>,
  );
}
