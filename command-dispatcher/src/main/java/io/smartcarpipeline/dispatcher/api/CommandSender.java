package io.smartcarpipeline.dispatcher.api;

import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.vertx.core.Future;

/** Sends a command to Smartcar once; the future always succeeds with the outcome. */
@FunctionalInterface
public interface CommandSender {

  Future<ApiOutcome> send(CommandRequest request, String bearerToken);
}
