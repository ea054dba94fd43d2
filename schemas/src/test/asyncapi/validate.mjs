// Parses an AsyncAPI document with @asyncapi/parser and its Avro schema parser, so the Avro
// payloads are parsed too. Prints one line per error and warning; exits 1 on any error or on a
// document that does not parse. Usage: node validate.mjs <asyncapi.yaml>
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs <asyncapi.yaml>');
  process.exit(2);
}
const parser = new Parser();
parser.registerSchemaParser(AvroSchemaParser());
const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'), { source: file });
for (const d of diagnostics) {
  if (d.severity <= DiagnosticSeverity.Warning) {
    const kind = d.severity === DiagnosticSeverity.Error ? 'error' : 'warning';
    console.log(`${kind} ${d.code} at ${d.path.join('.')}: ${d.message}`);
  }
}
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
if (!document || errors > 0) {
  console.log(`asyncapi_invalid errors=${errors}`);
  process.exit(1);
}
console.log(
  `asyncapi_valid version=${document.version()} channels=${document.channels().length}` +
    ` operations=${document.operations().length} messages=${document.allMessages().length}`,
);
