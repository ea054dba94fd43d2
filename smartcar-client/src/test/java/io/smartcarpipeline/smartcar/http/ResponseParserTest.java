package io.smartcarpipeline.smartcar.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

  private static Function<String, String> headers(Map<String, String> h) {
    return name ->
        h.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
  }

  @Test
  void shouldReadTheCommandExecutionStatusAndId() {
    String body =
        "{\"data\":{\"id\":\"exec_1\",\"type\":\"command-execution\",\"attributes\":{"
            + "\"commandType\":\"charge-set-limit\",\"status\":{\"value\":\"SUCCESS\"}}}}";

    ApiResponse r = ResponseParser.parse(202, body, headers(Map.of("sc-request-id", "req-1")));

    assertThat(r.statusValue()).isEqualTo("SUCCESS");
    assertThat(r.executionId()).isEqualTo("exec_1");
    assertThat(r.requestId()).isEqualTo("req-1");
    assertThat(r.errorType()).isNull();
  }

  @Test
  void shouldReadAFlatErrorWithRetryAfter() {
    String body =
        "{\"type\":\"RATE_LIMIT\",\"code\":\"VEHICLE\",\"description\":\"slow down\","
            + "\"suggestedUserMessage\":\"Try later\",\"statusCode\":429}";

    ApiResponse r = ResponseParser.parse(429, body, headers(Map.of("Retry-After", "3")));

    assertThat(r.errorType()).isEqualTo("RATE_LIMIT");
    assertThat(r.errorCode()).isEqualTo("VEHICLE");
    assertThat(r.description()).isEqualTo("slow down");
    assertThat(r.suggestedUserMessage()).isEqualTo("Try later");
    assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void shouldReadANestedErrorObject() {
    String body =
        "{\"error\":{\"type\":\"VEHICLE_STATE\",\"code\":\"ASLEEP\",\"requestId\":\"r9\"}}";

    ApiResponse r = ResponseParser.parse(409, body, headers(Map.of()));

    assertThat(r.errorType()).isEqualTo("VEHICLE_STATE");
    assertThat(r.errorCode()).isEqualTo("ASLEEP");
    assertThat(r.requestId()).isEqualTo("r9");
  }

  @Test
  void shouldReadTheFirstJsonApiError() {
    String body =
        "{\"errors\":[{\"type\":\"CONNECTED_SERVICES_ACCOUNT\",\"code\":\"VIRTUAL_KEY_REQUIRED\","
            + "\"title\":\"Virtual key\",\"status\":\"400\"},{\"type\":\"OTHER\"}]}";

    ApiResponse r = ResponseParser.parse(400, body, headers(Map.of()));

    assertThat(r.errorType()).isEqualTo("CONNECTED_SERVICES_ACCOUNT");
    assertThat(r.errorCode()).isEqualTo("VIRTUAL_KEY_REQUIRED");
    assertThat(r.description()).isEqualTo("Virtual key");
  }

  @Test
  void shouldReadAnOAuthError() {
    String body = "{\"error\":\"invalid_client\",\"error_description\":\"bad secret\"}";

    ApiResponse r = ResponseParser.parse(401, body, headers(Map.of()));

    assertThat(r.errorType()).isEqualTo("OAUTH");
    assertThat(r.errorCode()).isEqualTo("invalid_client");
    assertThat(r.description()).isEqualTo("bad secret");
  }

  @Test
  void shouldSurviveBodiesThatAreNotJson() {
    ApiResponse html = ResponseParser.parse(502, "<html>Bad gateway</html>", headers(Map.of()));
    ApiResponse empty = ResponseParser.parse(504, null, headers(Map.of("Retry-After", "soon")));
    ApiResponse array = ResponseParser.parse(500, "[1,2]", headers(Map.of()));

    assertThat(html.httpStatus()).isEqualTo(502);
    assertThat(html.errorType()).isNull();
    assertThat(empty.retryAfter()).isNull();
    assertThat(array.errorType()).isNull();
  }
}
