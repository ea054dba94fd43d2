package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.metrics.CommandTimeline;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import java.time.Instant;

/**
 * The running state of one command between calls: attempts so far, when the first started, the last
 * answer and its classification. Confined to the dispatcher's event loop.
 */
final class CommandRun {

  final CommandRequest request;
  final String fingerprint;
  final Instant deadline;
  final CommandTimeline timeline;

  /** The command's partition on the commands topic (-1 unknown): where its ledger entries go. */
  final int commandPartition;

  int attempts;
  Instant firstAttemptAt;
  ApiResponse lastResponse;
  String lastRequestId;
  Classification lastClassification;
  Long lastAttemptMillis;
  boolean reauthenticated;
  int stateReads;
  String stateEvidence;

  CommandRun(
      CommandRequest request,
      String fingerprint,
      Instant deadline,
      int attemptsBefore,
      Instant firstAttemptAt,
      CommandTimeline timeline,
      int commandPartition) {
    this.request = request;
    this.fingerprint = fingerprint;
    this.deadline = deadline;
    this.attempts = attemptsBefore;
    this.firstAttemptAt = firstAttemptAt;
    this.timeline = timeline;
    this.commandPartition = commandPartition;
  }

  void answered(ApiOutcome outcome, Classification c, long millis) {
    lastClassification = c;
    lastAttemptMillis = millis;
    if (outcome instanceof ApiResponse r) {
      lastResponse = r;
      if (r.requestId() != null) {
        lastRequestId = r.requestId();
      }
    }
  }
}
