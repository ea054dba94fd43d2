package io.smartcarpipeline.dispatcher.verify;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One V3 signal as read from the car: its code, its body ({@code {"value":true}}, {@code
 * {"activeLimit":80,…}}) and when the car reported it ({@code meta.oemUpdatedAt}, null if absent).
 */
public record SignalReading(String code, Map<String, Object> body, Instant oemUpdatedAt) {

  public SignalReading {
    body = body == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(body));
  }
}
