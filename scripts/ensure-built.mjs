// `npm start` runs the compiled server and serves the built web app; build whatever is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });
if (!existsSync('server/dist/main.js')) run('npm run build -w server');
if (!existsSync('web/dist/index.html') && existsSync('web/index.html')) run('npm run build -w web');
