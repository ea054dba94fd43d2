// A consumer that is not ours: reads smartcar.vehicle-state.v1 and smartcar.charging-sessions.v1,
// puts a START_CHARGING command on smartcar.commands.v1 and waits for its result on
// smartcar.command-results.v1. Topics and schemas: docs/asyncapi.yaml.
//
// Settings (environment): KAFKA_BOOTSTRAP_SERVERS (localhost:9092), SCHEMA_REGISTRY_URL
// (http://localhost:8081), VEHICLE_ID (the first vehicle with a state, if unset), USER_ID (the
// Smartcar user of that vehicle; read from its state if unset), TIMEOUT_MS (60000),
// ASYNCAPI_FILE (../../docs/asyncapi.yaml: where the command schema comes from when the registry has
// none yet).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import yaml from 'js-yaml';
import kafkajs from 'kafkajs';
import schemaRegistry from '@kafkajs/confluent-schema-registry';
import { registerLz4 } from './lz4-codec.mjs';

const { Kafka, logLevel, Partitioners } = kafkajs;
const { SchemaRegistry, SchemaType } = schemaRegistry;

const STATE = 'smartcar.vehicle-state.v1';
const SESSIONS = 'smartcar.charging-sessions.v1';
const COMMANDS = 'smartcar.commands.v1';
const RESULTS = 'smartcar.command-results.v1';

const env = process.env;
const timeoutMs = Number(env.TIMEOUT_MS ?? 60000);
registerLz4();
const kafka = new Kafka({
  clientId: 'node-example',
  brokers: (env.KAFKA_BOOTSTRAP_SERVERS ?? 'localhost:9092').split(','),
  logLevel: logLevel.WARN,
});
const registry = new SchemaRegistry({ host: env.SCHEMA_REGISTRY_URL ?? 'http://localhost:8081' });

// Longs with a timestamp-millis logical type arrive as numbers of milliseconds.
const iso = (millis) => (millis == null ? null : new Date(Number(millis)).toISOString());
const withTimeout = (promise, what) =>
  Promise.race([
    promise,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs),
    ),
  ]);

/**
 * The schema id to write commands with: the subject's latest version, or, when nobody has written
 * a command yet, the CommandRequest schema of the published AsyncAPI document, registered as
 * every writer of the topic does (the registry checks it against the subject's compatibility).
 */
async function commandSchemaId() {
  const subject = `${COMMANDS}-value`;
  try {
    return await registry.getLatestSchemaId(subject);
  } catch (e) {
    if (!/not found/i.test(e.message)) throw e;
  }
  const doc = yaml.load(await readFile(env.ASYNCAPI_FILE ?? '../../docs/asyncapi.yaml', 'utf8'));
  const schema = doc.channels[COMMANDS].messages.CommandRequest.payload.schema;
  const { id } = await registry.register(
    { type: SchemaType.AVRO, schema: JSON.stringify(schema) },
    { subject },
  );
  return id;
}

/** Reads the topics from the beginning until `done(topic, key, value)` returns true. */
async function readUntil(topics, done) {
  const consumer = kafka.consumer({ groupId: `node-example-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const value = await registry.decode(message.value);
      if (done(topic, message.key.toString('utf8'), value)) finish();
    },
  });
  try {
    await withTimeout(finished, `record on ${topics.join(', ')}`);
  } finally {
    await consumer.disconnect();
  }
}

async function main() {
  // 1. Vehicle state and a charging session
  let vehicle = env.VEHICLE_ID;
  let user = env.USER_ID;
  let session = null;
  let state = null;
  await readUntil([STATE, SESSIONS], (topic, key, value) => {
    if (topic === STATE && (!vehicle || key === vehicle)) {
      state = value;
      vehicle = key;
      user = user ?? value.userId;
    }
    if (topic === SESSIONS && !session) session = value;
    return state !== null && session !== null;
  });
  console.log(`state vehicle=${vehicle} signals=${Object.keys(state.signals ?? {}).length}` +
    ` updatedAt=${iso(state.updatedAt)}`);
  console.log(`session id=${session.sessionId} vehicle=${session.vehicleId} status=${session.status}` +
    ` energyKwh=${session.energyKwh ?? 'unknown'}`);

  // 2. START_CHARGING on the commands topic, with the schema the registry holds
  const commandId = randomUUID();
  const schemaId = await commandSchemaId();
  const request = {
    commandId,
    vehicleId: vehicle,
    userId: user,
    type: 'START_CHARGING',
    parameters: { percent: null, latitude: null, longitude: null },
    requestedAt: Date.now(),
    expiresAt: Date.now() + timeoutMs,
    requestedBy: 'node-example',
  };
  // kafkajs 2's default partitioner hashes keys like the Java client (murmur2), so a vehicle's
  // commands land on the partition our own writers use and keep their order; said explicitly here.
  const producer = kafka.producer({
    idempotent: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  await producer.send({
    topic: COMMANDS,
    acks: -1,
    messages: [{ key: vehicle, value: await registry.encode(schemaId, request) }],
  });
  await producer.disconnect();
  console.log(`command_sent commandId=${commandId} vehicle=${vehicle} type=START_CHARGING`);

  // 3. Its one final result
  let result = null;
  await readUntil([RESULTS], (_topic, _key, value) => {
    if (value.commandId === commandId) result = value;
    return result !== null;
  });
  console.log(`result commandId=${result.commandId} status=${result.status}` +
    ` errorCode=${result.errorCode ?? '-'} completedAt=${iso(result.completedAt)}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`node_example_failed: ${e.message}`);
    process.exit(1);
  },
);
