package io.smartcarpipeline.dispatcher.verify;

import java.util.Map;

/**
 * What a state read produced: the signals by code, or why there are none ({@code unavailable}, for
 * the result's message).
 */
public record StateReading(Map<String, SignalReading> signals, String unavailable) {

  public StateReading {
    signals = signals == null ? Map.of() : Map.copyOf(signals);
  }

  public static StateReading of(Map<String, SignalReading> signals) {
    return new StateReading(signals, null);
  }

  public static StateReading unavailable(String why) {
    return new StateReading(Map.of(), why);
  }
}
