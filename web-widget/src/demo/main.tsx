import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DemoPortal } from './DemoPortal.tsx';
import './demo.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <DemoPortal />
  </StrictMode>,
);
