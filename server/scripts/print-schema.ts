import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printPublicSchema } from '../src/graphql/schema.js';

const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
await writeFile(target, printPublicSchema());
console.log(`wrote ${target}`);
