// Asks a Node process, through its inspector, for two full garbage collections and then its
// memory usage; prints that as JSON. Run with `node --experimental-websocket heap-probe.mjs WS_URL
// [SNAPSHOT_FILE]` (Node 20 has no global WebSocket without the flag; the bench needs no extra
// dependency). With a file, it also writes a heap snapshot there, after the collections.
import { createWriteStream, writeFileSync } from 'node:fs';

const url = process.argv[2];
const snapshotFile = process.argv[3];
let snapshot = null;
const scripts = {};
const socket = new WebSocket(url);
const pending = new Map();
let nextId = 0;

function call(method, params = {}) {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve, reject });
    socket.send(JSON.stringify({ id, method, params }));
  });
}

socket.onmessage = (event) => {
  const message = JSON.parse(String(event.data));
  if (message.method === 'HeapProfiler.addHeapSnapshotChunk') snapshot?.write(message.params.chunk);
  if (message.method === 'Debugger.scriptParsed') scripts[message.params.scriptId] = message.params.url;
  const waiter = message.id ? pending.get(message.id) : undefined;
  if (!waiter) return;
  pending.delete(message.id);
  if (message.error) waiter.reject(new Error(message.error.message));
  else waiter.resolve(message.result);
};
socket.onerror = () => {
  console.error(`cannot reach the inspector at ${url}`);
  process.exit(1);
};
socket.onopen = async () => {
  await call('HeapProfiler.collectGarbage');
  await call('HeapProfiler.collectGarbage');
  if (snapshotFile) {
    // The snapshot places each function by script id; the names of those scripts come from here.
    await call('Debugger.enable');
    await call('Debugger.disable');
    writeFileSync(`${snapshotFile}.scripts.json`, JSON.stringify(scripts));
    snapshot = createWriteStream(snapshotFile);
    await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await new Promise((resolve) => snapshot.end(resolve));
  }
  const answer = await call('Runtime.evaluate', {
    expression: 'JSON.stringify(process.memoryUsage())',
    returnByValue: true,
  });
  console.log(answer.result.value);
  socket.close();
  process.exit(0);
};
setTimeout(() => {
  console.error('the inspector did not answer in 50 s');
  process.exit(1);
}, 50_000).unref();
