package io.smartcarpipeline.gateway.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalError;
import io.smartcarpipeline.events.SignalStatus;
import io.smartcarpipeline.events.SignalValue;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one entry of {@code data.signals[]} into a {@link Signal} (docs/smartcar-v3.md §2.4, §2.6).
 * Rule: every entry becomes a signal, none is dropped: a failed signal ({@code status.value =
 * ERROR}, no body) keeps its error; a body without status counts as SUCCESS; source times come from
 * {@code meta.oemUpdatedAt} and from {@code retrievedAt}, {@code fetchedAt} or {@code ingestedAt},
 * whichever is there.
 */
final class SignalMapper {

  private static final String UNKNOWN = "UNKNOWN";

  private SignalMapper() {}

  static Signal map(JsonNode node, Set<String> unknownUnits) {
    String name = Json.text(node, "name");
    String group = Json.text(node, "group");
    String code = Json.text(node, "code");
    if (code == null) {
      code = SignalRefs.derive(group, name);
    }
    if (code == null) {
      code = UNKNOWN.toLowerCase(Locale.ROOT);
    }
    JsonNode body = node.get("body");
    SignalValue value = SignalValueMapper.map(code, body, unknownUnits);
    JsonNode status = node.path("status");
    JsonNode meta = Json.object(node, "meta");
    return Signal.newBuilder()
        .setCode(code)
        .setName(name)
        .setGroup(group)
        .setStatus(status(status, value != null))
        .setValue(value)
        .setError(error(status.path("error")))
        .setOemUpdatedAt(Json.instant(meta, "oemUpdatedAt").orElse(null))
        .setRetrievedAt(
            Json.firstInstant(meta, "retrievedAt", "fetchedAt", "ingestedAt").orElse(null))
        .build();
  }

  private static SignalStatus status(JsonNode status, boolean hasBody) {
    String given = status.isTextual() ? status.asText() : Json.text(status, "value");
    if (given == null) {
      return hasBody ? SignalStatus.SUCCESS : SignalStatus.UNKNOWN;
    }
    return switch (given.trim().toUpperCase(Locale.ROOT)) {
      case "SUCCESS" -> SignalStatus.SUCCESS;
      case "ERROR" -> SignalStatus.ERROR;
      default -> SignalStatus.UNKNOWN;
    };
  }

  private static SignalError error(JsonNode error) {
    if (!error.isObject()) {
      return null;
    }
    String type = Json.text(error, "type");
    return new SignalError(type == null ? UNKNOWN : type, Json.text(error, "code"));
  }
}
