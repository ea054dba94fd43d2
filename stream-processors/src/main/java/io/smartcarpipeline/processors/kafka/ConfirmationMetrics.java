package io.smartcarpipeline.processors.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.ConfirmationOutcome;
import io.smartcarpipeline.processors.topology.ConfirmationListener;
import java.util.EnumMap;
import java.util.Map;

/**
 * Command confirmations as metrics: {@code smartcar_command_confirmations_total{outcome}} (the
 * confirmation rate is CONFIRMED over all) and {@code smartcar_command_confirmation_delay_seconds}
 * (how long after the command's completion the deciding reading was taken, by outcome; UNCONFIRMED
 * has no reading). Counts are this instance's; a replayed transaction may count again.
 */
public final class ConfirmationMetrics implements ConfirmationListener {

  private final Map<ConfirmationOutcome, Counter> counts = new EnumMap<>(ConfirmationOutcome.class);
  private final Map<ConfirmationOutcome, DistributionSummary> delays =
      new EnumMap<>(ConfirmationOutcome.class);

  public ConfirmationMetrics(MeterRegistry registry) {
    for (ConfirmationOutcome outcome : ConfirmationOutcome.values()) {
      counts.put(
          outcome,
          Counter.builder("smartcar.command.confirmations")
              .description("Command confirmations emitted, by outcome")
              .tag("outcome", outcome.name())
              .register(registry));
      delays.put(
          outcome,
          DistributionSummary.builder("smartcar.command.confirmation.delay")
              .description(
                  "Source time of the deciding reading minus the command's completion, seconds")
              .baseUnit("seconds")
              .tag("outcome", outcome.name())
              .publishPercentileHistogram()
              .minimumExpectedValue(0.1)
              .maximumExpectedValue(3600.0)
              .register(registry));
    }
  }

  @Override
  public void decided(CommandConfirmation c) {
    counts.get(c.getOutcome()).increment();
    if (c.getDelayMillis() != null) {
      delays.get(c.getOutcome()).record(Math.max(0, c.getDelayMillis()) / 1000.0);
    }
  }
}
