// `npm start` runs the compiled server and serves the built web app; rebuild whatever is stale.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const run = (command) => execSync(command, { stdio: 'inherit' });

function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

// Incremental: a no-op in a second when nothing changed.
run('npm run build -w server');
if (existsSync('web/index.html')) {
  const built = newest('web/dist/index.html');
  const sources = Math.max(newest('web/src'), newest('web/index.html'), newest('web/vite.config.ts'));
  if (built === 0 || sources > built) run('npm run build -w web');
}
