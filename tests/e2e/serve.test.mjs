// `make demo` on a machine where the port is taken: a plain message naming the port and how to
// choose another, not a Node stack trace (scripts/serve.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serve = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));

test('a busy port: the demo server says which port and how to pick another', async () => {
  const busy = createServer();
  await new Promise((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const { port } = busy.address();
  try {
    const run = spawnSync(process.execPath, [serve, String(port)], { encoding: 'utf8', timeout: 10000 });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.trim(),
      `commune-charts demo: port ${port} is already in use by another program. Stop that program, or choose another port: make demo PORT=8080`);
  } finally {
    busy.close();
  }
});
