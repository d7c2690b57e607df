import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createSessionStore } from './lib/session';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App sessions={createSessionStore(window.localStorage, window)} origin={window.location.origin} />);
