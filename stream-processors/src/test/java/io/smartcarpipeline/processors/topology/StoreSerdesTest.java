package io.smartcarpipeline.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.processors.domain.charging.ChargingTracker;
import io.smartcarpipeline.processors.domain.charging.Place;
import io.smartcarpipeline.processors.domain.history.SocSeries;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The binary store formats keep every field, and still read the JSON the stores held before. */
class StoreSerdesTest {

  private static final ObjectMapper FIELDS =
      new ObjectMapper()
          .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

  private final Serde<ChargingTracker> trackers = ChargingTrackerSerde.create();
  private final Serde<SocSeries> series = SocSeriesSerde.create();

  @Test
  void trackerWithEveryFieldSetSurvivesTheRoundTrip() throws Exception {
    // given a tracker whose every field (and every field of its drafts) holds a distinct value,
    // so a field the format forgets or swaps shows up
    ChargingTracker tracker = Filler.filled(ChargingTracker.class);

    // when
    ChargingTracker read = roundTrip(trackers, tracker);

    // then
    assertThat(json(read)).isEqualTo(json(tracker));
  }

  @Test
  void trackerWithNullsAndEmptyMapSurvivesTheRoundTrip() throws Exception {
    ChargingTracker tracker = new ChargingTracker();
    tracker.open = new io.smartcarpipeline.processors.domain.charging.SessionDraft();
    tracker.open.status = null;
    tracker.open.energy = null;

    assertThat(json(roundTrip(trackers, tracker))).isEqualTo(json(tracker));
  }

  @Test
  void trackerStoredAsJsonBeforeStillReads() throws Exception {
    // given a value as the former JSON store format wrote it
    ChargingTracker tracker = Filler.filled(ChargingTracker.class);
    byte[] legacy = JsonSerde.of(ChargingTracker.class).serializer().serialize("t", tracker);

    // when / then
    assertThat(json(trackers.deserializer().deserialize("t", legacy))).isEqualTo(json(tracker));
  }

  @Test
  void socSeriesSurvivesTheRoundTripAndReadsFormerJson() throws Exception {
    SocSeries s = new SocSeries();
    s.points.add(new SocSeries.Point(1_700_000_000_000L, 41.5, true));
    s.points.add(new SocSeries.Point(1_700_000_900_000L, 42.25, null));
    s.points.add(new SocSeries.Point(1_700_001_800_000L, 43.0, false));
    byte[] legacy = JsonSerde.of(SocSeries.class).serializer().serialize("t", s);

    assertThat(json(roundTrip(series, s))).isEqualTo(json(s));
    assertThat(json(series.deserializer().deserialize("t", legacy))).isEqualTo(json(s));
    assertThat(json(roundTrip(series, new SocSeries()))).isEqualTo(json(new SocSeries()));
  }

  @Test
  void truncatedOrUnknownVersionValueIsASerializationException() throws Exception {
    byte[] bytes = trackers.serializer().serialize("t", Filler.filled(ChargingTracker.class));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
    byte[] otherVersion = bytes.clone();
    otherVersion[0] = 9;

    assertThatThrownBy(() -> trackers.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> trackers.deserializer().deserialize("t", otherVersion))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("version 9");
  }

  private static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }

  private static JsonNode json(Object value) {
    return FIELDS.valueToTree(value);
  }

  /** Sets every instance field, recursively, to a value no other field gets. */
  static final class Filler {
    private static int next = 1;

    static <T> T filled(Class<T> type) throws Exception {
      T value = type.getDeclaredConstructor().newInstance();
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.set(value, valueFor(f));
      }
      return value;
    }

    private static Object valueFor(Field f) throws Exception {
      Class<?> t = f.getType();
      int n = next++;
      if (t == String.class) {
        return "s" + n + "-é";
      } else if (t == Long.class || t == long.class) {
        return 1_000_000_000_000L + n;
      } else if (t == Double.class || t == double.class) {
        return n + 0.25;
      } else if (t == Integer.class || t == int.class) {
        return n;
      } else if (t == Boolean.class || t == boolean.class) {
        return true;
      } else if (t.isEnum()) {
        Object[] constants = t.getEnumConstants();
        return constants[constants.length - 1];
      } else if (t == Map.class) {
        Map<String, Long> m = new HashMap<>();
        m.put("code-" + n, (long) n);
        m.put("code-" + n + "b", (long) -n);
        return m;
      } else if (t == Place.class) {
        return new Place(n + 0.5, -n - 0.5, n + 0.75, "NE" + n, "CURRENT" + n);
      }
      return filled(t);
    }
  }
}
