import '../../app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp } from './EmbedApp';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <EmbedApp />
    </StrictMode>,
  );
}
