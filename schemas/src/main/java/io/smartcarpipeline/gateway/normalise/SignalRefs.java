package io.smartcarpipeline.gateway.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcarpipeline.events.SignalRef;
import io.smartcarpipeline.events.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads references to signals (in triggers and in VEHICLE_ERROR entries) in every shape seen
 * (docs/smartcar-v3.md §2.6 items 1 and 4): an object {@code {code,name,group}}, a dotted string
 * {@code "Group.Name"}, and triggers at the envelope's top level or under {@code data}, as {@code
 * {code,name,group}}, {@code {type, signal:{…}}} or {@code {type, signal:"Group.Name"}}. Rule: the
 * code is always filled in (derived as {@code group-name} in lower case when missing), and a
 * reference whose name and group are swapped relative to its code is put right.
 */
final class SignalRefs {

  private static final String SIGNAL_UPDATED = "SIGNAL_UPDATED";

  private SignalRefs() {}

  /** A signal reference from an object or a dotted string; null when it names nothing. */
  static SignalRef ref(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return fromDotted(node.asText().trim());
    }
    if (!node.isObject()) {
      return null;
    }
    String code = Json.text(node, "code");
    String name = Json.text(node, "name");
    String group = Json.text(node, "group");
    if (code == null && name == null && group == null) {
      return null;
    }
    if (code != null
        && name != null
        && group != null
        && code.equalsIgnoreCase(derive(name, group))) {
      String swapped = name;
      name = group;
      group = swapped;
    }
    return new SignalRef(code != null ? code : derive(group, name), name, group);
  }

  /** Every reference of an array (objects or dotted strings), skipping items that name nothing. */
  static List<SignalRef> refs(JsonNode array) {
    List<SignalRef> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(
          item -> {
            SignalRef r = ref(item);
            if (r != null) {
              out.add(r);
            }
          });
    }
    return out;
  }

  /** The triggers of an envelope: top level first, then {@code data.triggers}. */
  static List<Trigger> triggers(JsonNode root) {
    JsonNode array = root.path("triggers");
    if (!array.isArray()) {
      array = root.path("data").path("triggers");
    }
    List<Trigger> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(item -> out.add(trigger(item)));
    }
    return out;
  }

  private static Trigger trigger(JsonNode item) {
    if (item.isTextual()) {
      return new Trigger(SIGNAL_UPDATED, fromDotted(item.asText().trim()));
    }
    String type = Json.text(item, "type");
    if (item.has("signal")) {
      return new Trigger(type, ref(item.get("signal")));
    }
    // Documented shape {code,name,group}; {code:"FIRST_DELIVERY"} names no signal.
    String code = Json.text(item, "code");
    boolean namesSignal =
        item.has("name") || item.has("group") || (code != null && code.contains("-"));
    if (namesSignal) {
      return new Trigger(type != null ? type : SIGNAL_UPDATED, ref(item));
    }
    return new Trigger(type != null ? type : code, null);
  }

  private static SignalRef fromDotted(String dotted) {
    if (dotted.isEmpty()) {
      return null;
    }
    int dot = dotted.indexOf('.');
    if (dot < 0) {
      return new SignalRef(dotted.toLowerCase(Locale.ROOT), dotted, null);
    }
    String group = dotted.substring(0, dot);
    String name = dotted.substring(dot + 1);
    return new SignalRef(derive(group, name), name, group);
  }

  /** {@code group-name} in lower case, the way Smartcar builds signal codes; null if unknowable. */
  static String derive(String group, String name) {
    if (group == null || name == null) {
      return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
    return (group + "-" + name).toLowerCase(Locale.ROOT);
  }
}
