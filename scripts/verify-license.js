// Usage: node verify-license.js <license.yaml> <public-key.pem>
const fs = require('fs');
const crypto = require('crypto');
const YAML = require('yaml');
const doc = YAML.parse(fs.readFileSync(process.argv[2], 'utf8'));
const sorted = v =>
  Array.isArray(v)
    ? v.map(sorted)
    : v && typeof v === 'object'
    ? Object.fromEntries(
        Object.keys(v)
          .sort()
          .map(k => [k, sorted(v[k])]),
      )
    : v;
const ok = crypto.verify(
  null,
  Buffer.from(JSON.stringify(sorted(doc.spec))),
  crypto.createPublicKey(fs.readFileSync(process.argv[3])),
  Buffer.from(doc.signature.value, 'base64'),
);
console.log(ok ? 'signature valid' : 'signature INVALID');
process.exit(ok ? 0 : 1);
