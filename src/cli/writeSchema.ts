import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../sim/scenario/jsonSchema';

/** `npm run schema`: regenerates public/scenario.schema.json from the validator. */
writeFileSync('public/scenario.schema.json', scenarioJsonSchemaText());
process.stdout.write('wrote public/scenario.schema.json\n');
