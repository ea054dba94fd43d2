package io.smartcarpipeline.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile variations of real webhook bodies, all drawn from one {@link Random} so a seed replays
 * them exactly: dropped, duplicated and retyped fields, huge numbers, deep nesting, long strings
 * and keys, control characters, invalid UTF-8, far-off times, and bodies that are not JSON.
 */
final class WebhookMutator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] FAR_TIMES = {
    "+999999999-12-31T23:59:59Z",
    "-999999999-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "0000-01-01T00:00:00Z",
    "1970-01-01T00:00:00Z",
    "2026-13-45T99:99:99Z",
    "-1",
    "99999999999999999999",
    "1e300",
    "NaN"
  };

  private final Random random;

  WebhookMutator(Random random) {
    this.random = random;
  }

  /** One to three mutations of {@code body}. */
  byte[] mutate(byte[] body) {
    int n = 1 + random.nextInt(3);
    byte[] out = body;
    for (int i = 0; i < n; i++) {
      out = once(out);
    }
    return out;
  }

  private byte[] once(byte[] body) {
    int kind = random.nextInt(14);
    if (kind >= 11) {
      return bytes(body, kind);
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException notJsonAnyMore) {
      return bytes(body, 11 + random.nextInt(3));
    }
    if (root == null || !root.isContainerNode()) {
      return bytes(body, 11 + random.nextInt(3));
    }
    List<ContainerRef> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      return write(NODES.objectNode().set("x", root));
    }
    ContainerRef at = slots.get(random.nextInt(slots.size()));
    switch (kind) {
      case 0 -> at.remove();
      case 1 -> at.set(retyped());
      case 2 ->
          at.set(NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(1500)))));
      case 3 -> {
        return insertFirst(write(root), "\"deep\":" + deep(1 + random.nextInt(1500)));
      }
      case 4 -> at.set(NODES.textNode("s".repeat(random.nextInt(70_000))));
      case 5 -> at.set(NODES.textNode(controls()));
      case 6 -> at.set(NODES.textNode(FAR_TIMES[random.nextInt(FAR_TIMES.length)]));
      case 7 -> {
        if (at.parent instanceof ObjectNode o) {
          o.put("k".repeat(1 + random.nextInt(60_000)), 1);
        }
      }
      case 8 -> {
        return duplicateKey(write(root));
      }
      case 9 -> setId(root, random.nextBoolean() ? "/eventId" : "/data/vehicle/id");
      default -> at.set(NODES.nullNode());
    }
    return write(root);
  }

  private void setId(JsonNode root, String pointer) {
    JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
    if (parent instanceof ObjectNode o) {
      String[] ids = {controls(), " ", "", "x".repeat(300), "\uD800", "ok-" + random.nextInt(1000)};
      o.put(pointer.substring(pointer.lastIndexOf('/') + 1), ids[random.nextInt(ids.length)]);
    }
  }

  private JsonNode retyped() {
    return switch (random.nextInt(6)) {
      case 0 -> NODES.numberNode(random.nextInt());
      case 1 -> NODES.numberNode(random.nextDouble() * 1e308);
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.arrayNode().add(1).add("two");
      case 4 -> NODES.objectNode().put("value", "?");
      default -> NODES.textNode(Integer.toString(random.nextInt()));
    };
  }

  /** Nesting as text: Jackson refuses to write more than 1,000 levels. */
  private static String deep(int depth) {
    return "[".repeat(depth) + "1" + "]".repeat(depth);
  }

  private String controls() {
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      s.append((char) random.nextInt(0x20));
    }
    return random.nextBoolean() ? s.toString() : "id" + s + "x";
  }

  /** Byte-level damage: invalid UTF-8, truncation, or not JSON at all. */
  private byte[] bytes(byte[] body, int kind) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (kind) {
      case 11 -> {
        int at = random.nextInt(body.length + 1);
        out.write(body, 0, at);
        byte[][] bad = {
          {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
        };
        byte[] b = bad[random.nextInt(bad.length)];
        out.write(b, 0, b.length);
        out.write(body, at, body.length - at);
      }
      case 12 -> out.write(body, 0, random.nextInt(body.length + 1));
      default -> {
        byte[] noise = new byte[1 + random.nextInt(2000)];
        random.nextBytes(noise);
        String[] texts = {"", "null", "[]", "\"s\"", "{", "{}}", "12", "{\"eventType\":"};
        byte[] chosen =
            random.nextBoolean()
                ? texts[random.nextInt(texts.length)].getBytes(StandardCharsets.UTF_8)
                : noise;
        out.write(chosen, 0, chosen.length);
      }
    }
    return out.toByteArray();
  }

  /** Repeats the first key of the text with another value: {@code {"eventId":1,"eventId":…}}. */
  private byte[] duplicateKey(byte[] body) {
    String key = random.nextBoolean() ? "eventId" : "eventType";
    return insertFirst(body, "\"" + key + "\":" + random.nextInt());
  }

  /** {@code member} as the first member of the top-level object. */
  private static byte[] insertFirst(byte[] body, String member) {
    String text = new String(body, StandardCharsets.UTF_8);
    int brace = text.indexOf('{');
    if (brace < 0) {
      return body;
    }
    return (text.substring(0, brace + 1) + member + "," + text.substring(brace + 1))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] write(JsonNode root) {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every (container, field or index) in the tree. */
  private static void collect(JsonNode node, List<ContainerRef> out) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(new ContainerRef(o, e.getKey(), -1));
        collect(e.getValue(), out);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new ContainerRef(a, null, i));
        collect(a.get(i), out);
      }
    }
  }

  /** One place in the tree. */
  private record ContainerRef(JsonNode parent, String field, int index) {
    void remove() {
      if (parent instanceof ObjectNode o) {
        o.remove(field);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }

    void set(JsonNode value) {
      if (parent instanceof ObjectNode o) {
        o.set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }
}
