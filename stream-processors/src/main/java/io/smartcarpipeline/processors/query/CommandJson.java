package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.processors.domain.confirmation.ConfirmationRules;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A command result as the query API shows it: the {@code CommandResult} fields plus {@code
 * confirmation}: the {@code CommandConfirmation} once decided; {@code {"outcome":"AWAITING"}} for a
 * succeeded command whose effect shows in a signal and is not decided yet; null for a command that
 * gets no confirmation (failed, or SET_DESTINATION).
 */
final class CommandJson {

  static final String AWAITING = "AWAITING";

  private CommandJson() {}

  static JsonObject of(CommandResult result, Map<String, CommandConfirmation> confirmations) {
    JsonObject out = AvroJson.toJson(result);
    CommandConfirmation c = confirmations.get(result.getCommandId());
    if (c != null) {
      out.put("confirmation", AvroJson.toJson(c));
    } else if (ConfirmationRules.expectsConfirmation(result.getStatus(), result.getType())) {
      out.put("confirmation", new JsonObject().put("outcome", AWAITING));
    } else {
      out.putNull("confirmation");
    }
    return out;
  }
}
