import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Fonts ship with the app (offline): the UI face and the same faces the print page uses.
import '@fontsource/noto-sans-sc/400.css';
import '../resources/print/fonts.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
