import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@infocig/shared/ui/ui.css';
import { App } from './App.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/chat.css';
import './styles/visitor.css';
import './styles/panels.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
