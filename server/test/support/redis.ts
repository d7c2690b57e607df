import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freePort } from './servers.js';

const run = promisify(execFile);

async function answers(port: number): Promise<boolean> {
  try {
    return (await run('redis-cli', ['-p', String(port), 'ping'])).stdout.includes('PONG');
  } catch {
    return false;
  }
}

/** A redis-server of the test's own on the given port, so stopping it disturbs nobody else. */
export async function startRedis(port: number, extraArgs: string[] = [], cwd?: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs], {
    stdio: 'ignore',
    cwd,
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  for (let i = 0; i < 50; i++) {
    if (await answers(port)) return child;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server on ${port} did not answer`);
}

export interface RedisCluster {
  nodes: Array<{ host: string; port: number }>;
  /** Comma-separated host:port, as REDIS_CLUSTER_NODES takes it. */
  seeds: string;
  stop(): void;
}

/** Three masters on free ports, slots spread by redis-cli, ready when every node says so. */
export async function startRedisCluster(size = 3): Promise<RedisCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'redis-cluster-'));
  const nodes: Array<{ host: string; port: number }> = [];
  const children: ChildProcess[] = [];
  for (let i = 0; i < size; i++) {
    const [port, busPort] = [await freePort(), await freePort()];
    children.push(
      await startRedis(
        port,
        ['--cluster-enabled', 'yes', '--cluster-port', String(busPort), '--cluster-config-file', `nodes-${port}.conf`],
        dir,
      ),
    );
    nodes.push({ host: '127.0.0.1', port });
  }
  const addresses = nodes.map((n) => `${n.host}:${n.port}`);
  await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes']);
  for (const node of nodes) {
    for (let i = 0; ; i++) {
      const { stdout } = await run('redis-cli', ['-p', String(node.port), 'cluster', 'info']);
      if (stdout.includes('cluster_state:ok')) break;
      if (i > 100) throw new Error(`cluster node ${node.port} never became ok`);
      await sleep(100);
    }
  }
  return {
    nodes,
    seeds: addresses.join(','),
    stop: () => {
      for (const child of children) child.kill('SIGKILL');
    },
  };
}
