#!/usr/bin/env bash
# Creates the pipeline's topics for production with the standard Kafka CLI. Idempotent
# (--if-not-exists): a topic that exists is left exactly as it is (see deploy/README.md on
# changing an existing topic's configs).
#
# The partitions and configs below are those of the Topics registry
# (schemas/src/main/java/io/smartcarpipeline/schemas/Topics.java) plus the command
# dispatcher's ledger topic; DeployManifestsTest in the launcher module fails when they drift.
#
# Environment:
#   BOOTSTRAP_SERVERS    Kafka bootstrap servers              (default localhost:9092)
#   REPLICATION_FACTOR   replicas per partition                (default 3)
#   MIN_INSYNC_REPLICAS  min.insync.replicas of every topic    (default 2; keep it below
#                        REPLICATION_FACTOR so one broker can be down)
#   DISPATCHER_GROUP_ID  the dispatcher's consumer group; names its ledger topic
#                        (default command-dispatcher, as the dispatcher's own default)
#   KAFKA_BIN            folder holding kafka-topics.sh         (default: on PATH, else /opt/kafka/bin)
#   COMMAND_CONFIG       optional client properties file (TLS/SASL), passed as --command-config
#
# Kafka Streams' internal topics (<PROCESSORS_APPLICATION_ID>-…-changelog) are NOT created
# here: the stream processors create them on start with TOPIC_REPLICATION_FACTOR replicas.
set -euo pipefail

BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-localhost:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-3}"
MIN_INSYNC_REPLICAS="${MIN_INSYNC_REPLICAS:-2}"

if command -v kafka-topics.sh >/dev/null 2>&1; then
  KAFKA_TOPICS="kafka-topics.sh"
else
  KAFKA_TOPICS="${KAFKA_BIN:-/opt/kafka/bin}/kafka-topics.sh"
fi
EXTRA=()
if [ -n "${COMMAND_CONFIG:-}" ]; then
  EXTRA=(--command-config "$COMMAND_CONFIG")
fi

# topic NAME PARTITIONS [KEY=VALUE ...]
topic() {
  local name="$1" partitions="$2"
  shift 2
  local configs=(--config "min.insync.replicas=${MIN_INSYNC_REPLICAS}")
  for c in "$@"; do
    configs+=(--config "$c")
  done
  "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" "${EXTRA[@]}" \
    --create --if-not-exists --topic "$name" --partitions "$partitions" \
    --replication-factor "$REPLICATION_FACTOR" "${configs[@]}"
  echo "topic_ready topic=$name partitions=$partitions replication=$REPLICATION_FACTOR"
}

# The Topics registry: 7 days = 604800000 ms, 30 days = 2592000000 ms.
topic smartcar.vehicle-events.v1    6 cleanup.policy=delete retention.ms=604800000
topic smartcar.signals.v1           6 cleanup.policy=delete retention.ms=604800000
topic smartcar.vehicle-state.v1     6 cleanup.policy=compact min.compaction.lag.ms=60000
topic smartcar.charging-sessions.v1 6 cleanup.policy=delete retention.ms=2592000000
topic smartcar.commands.v1          6 cleanup.policy=delete retention.ms=604800000
topic smartcar.command-results.v1   6 cleanup.policy=delete retention.ms=2592000000
topic smartcar.command-confirmations.v1 6 cleanup.policy=delete retention.ms=2592000000
topic smartcar.connections.v1       6 cleanup.policy=compact min.compaction.lag.ms=60000
topic smartcar.subscription-wishes.v1 1 cleanup.policy=compact min.compaction.lag.ms=60000
topic smartcar.dead-letters.v1      1 cleanup.policy=delete retention.ms=2592000000

# The dispatcher's idempotency ledger (command-dispatcher/README.md): compacted, entries older
# than 30 days dropped, as many partitions as smartcar.commands.v1 (a command's entries live in the
# partition of its command). <group>-ledger is the old layout's: no longer created.
topic "${DISPATCHER_GROUP_ID:-command-dispatcher}-ledger-v2" 6 cleanup.policy=compact,delete retention.ms=2592000000 min.compaction.lag.ms=60000
