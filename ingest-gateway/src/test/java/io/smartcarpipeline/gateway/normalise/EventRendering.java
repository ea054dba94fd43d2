package io.smartcarpipeline.gateway.normalise;

import io.smartcarpipeline.events.ChargeLimit;
import io.smartcarpipeline.events.GridCell;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalRef;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.Trigger;
import io.smartcarpipeline.events.VehicleError;
import io.smartcarpipeline.events.VehicleEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a {@link VehicleEvent} as one line per fact, so a test can compare it with a hand-checked
 * expectation file ({@code src/test/resources/expected/<fixture>.txt}).
 */
public final class EventRendering {

  private EventRendering() {}

  /** The hand-checked expectation of a fixture, line by line. */
  public static List<String> expected(String fixture) {
    String name = "/expected/" + fixture.replace(".json", ".txt");
    try (InputStream in = EventRendering.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no expectation file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line per fact of the event (everything but receivedAt, signature and rawBody). */
  public static List<String> lines(VehicleEvent e) {
    List<String> out = new ArrayList<>();
    out.add(
        String.join(
            " | ",
            "event",
            e.getEventId(),
            e.getEventType().name(),
            e.getVehicleId(),
            s(e.getUserId()),
            s(e.getVehicle().getMake()),
            s(e.getVehicle().getModel()),
            s(e.getVehicle().getYear())));
    out.add(
        String.join(
            " | ",
            "meta",
            s(e.getDeliveryId()),
            t(e.getDeliveredAt()),
            s(e.getWebhookId()),
            s(e.getWebhookName()),
            s(e.getMode()),
            s(e.getPayloadVersion())));
    e.getTriggers().forEach(tr -> out.add("trigger | " + trigger(tr)));
    e.getSignals().forEach(sig -> out.add("signal | " + signal(sig)));
    e.getErrors().forEach(err -> out.add("error | " + error(err)));
    out.add("unknownUnits | " + e.getUnknownUnits());
    return out;
  }

  private static String trigger(Trigger t) {
    return s(t.getType()) + " | " + ref(t.getSignal());
  }

  static String ref(SignalRef r) {
    return r == null ? "-" : s(r.getCode()) + " " + s(r.getName()) + " " + s(r.getGroup());
  }

  static String signal(Signal s) {
    return String.join(
        " | ",
        s.getCode(),
        s(s.getName()),
        s(s.getGroup()),
        s.getStatus().name(),
        value(s.getValue()),
        s.getValue() == null
            ? "-"
            : s(s.getValue().getUnit()) + "/" + s(s.getValue().getSourceUnit()),
        t(s.getOemUpdatedAt()),
        t(s.getRetrievedAt()),
        s.getError() == null ? "-" : s.getError().getType() + "/" + s(s.getError().getCode()));
  }

  static String value(SignalValue v) {
    if (v == null) {
      return "-";
    }
    String typed =
        switch (v.getKind()) {
          case BOOLEAN -> String.valueOf(v.getBooleanValue());
          case NUMBER -> String.valueOf(v.getNumberValue());
          case TEXT -> v.getTextValue();
          case LOCATION ->
              v.getLocation().getLatitude()
                  + ","
                  + v.getLocation().getLongitude()
                  + " heading="
                  + s(v.getLocation().getHeading())
                  + " direction="
                  + s(v.getLocation().getDirection())
                  + " type="
                  + s(v.getLocation().getLocationType());
          case CHARGE_LIMITS ->
              "active="
                  + s(v.getChargeLimits().getActiveLimit())
                  + " limits="
                  + v.getChargeLimits().getLimits().stream()
                      .map(EventRendering::limit)
                      .collect(Collectors.joining(";", "[", "]"));
          case GRID ->
              v.getGrid().stream()
                  .map(EventRendering::cell)
                  .collect(Collectors.joining(";", "[", "]"));
          case STRUCTURED, NONE -> "";
        };
    return v.getKind() + " " + typed + " body=" + v.getBodyJson();
  }

  private static String limit(ChargeLimit l) {
    return s(l.getType()) + ":" + s(l.getLimit()) + ":" + s(l.getConditionJson());
  }

  private static String cell(GridCell c) {
    return c.getRow()
        + ","
        + c.getColumn()
        + " open="
        + s(c.getIsOpen())
        + " locked="
        + s(c.getIsLocked())
        + " reading="
        + s(c.getReading());
  }

  private static String error(VehicleError e) {
    return String.join(
        " | ",
        e.getType(),
        s(e.getCode()),
        e.getState().name(),
        s(e.getResolutionType()),
        s(e.getDocUrl()),
        e.getSignals().stream()
            .map(EventRendering::ref)
            .collect(Collectors.joining("; ", "[", "]")));
  }

  private static String s(Object o) {
    return o == null ? "-" : o.toString();
  }

  private static String t(Instant i) {
    return i == null ? "-" : String.valueOf(i.toEpochMilli());
  }
}
