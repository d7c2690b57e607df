import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printPossibleTypes } from '../src/graphql/possible-types.js';
import { printPublicSchema } from '../src/graphql/schema.js';

const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
await writeFile(target, printPublicSchema());
console.log(`wrote ${target}`);

const possibleTypes = fileURLToPath(new URL('../../possible-types.json', import.meta.url));
await writeFile(possibleTypes, printPossibleTypes());
console.log(`wrote ${possibleTypes}`);
