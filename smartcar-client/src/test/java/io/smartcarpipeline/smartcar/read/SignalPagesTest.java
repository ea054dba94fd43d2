package io.smartcarpipeline.smartcar.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SignalPagesTest {

  private static String page(int total, String next, String... codes) {
    StringBuilder data = new StringBuilder();
    for (String code : codes) {
      data.append(data.isEmpty() ? "" : ",").append("{\"id\":\"").append(code).append("\"}");
    }
    String links = next == null ? "{\"next\":null}" : "{\"next\":\"" + next + "\"}";
    return "{\"data\":["
        + data
        + "],\"meta\":{\"totalCount\":"
        + total
        + "},\"links\":"
        + links
        + ",\"included\":{\"vehicle\":{\"make\":\"TESLA\"}}}";
  }

  @Test
  void singlePageAnswerNeedsNoSecondCall() {
    SignalPages pages = new SignalPages();

    pages.add(page(2, null, "a", "b"));

    assertThat(pages.nextPage()).isEmpty();
    assertThat(new JsonObject(pages.merged().orElseThrow()).getJsonArray("data")).hasSize(2);
  }

  @Test
  void pagesAreFollowedWhileNextIsGivenAndMerged() {
    SignalPages pages = new SignalPages();

    pages.add(page(3, "/vehicles/v/signals?page[number]=2", "a", "b"));
    assertThat(pages.nextPage()).contains(2);
    pages.add(page(3, null, "c"));

    assertThat(pages.nextPage()).isEmpty();
    JsonObject merged = new JsonObject(pages.merged().orElseThrow());
    assertThat(merged.getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("id")))
        .containsExactly("a", "b", "c");
    assertThat(merged.getJsonObject("included")).isNotNull();
  }

  @Test
  void withoutLinksTotalCountDecides() {
    SignalPages pages = new SignalPages();

    pages.add("{\"data\":[{\"id\":\"a\"}],\"meta\":{\"totalCount\":2}}");

    assertThat(pages.nextPage()).contains(2);
  }

  @Test
  void anEmptyPageStopsEvenIfItSaysMore() {
    SignalPages pages = new SignalPages();

    pages.add(page(5, "/next", "a"));
    pages.add(page(5, "/next"));

    assertThat(pages.nextPage()).isEmpty();
  }

  @Test
  void anApiThatAlwaysSaysMoreIsCutOff() {
    SignalPages pages = new SignalPages();
    for (int i = 0; i < 100 && (i == 0 || pages.nextPage().isPresent()); i++) {
      pages.add(page(1_000, "/next", "s" + i));
    }

    assertThat(pages.pages()).isEqualTo(SignalPages.MAX_PAGES);
    assertThat(pages.nextPage()).isEmpty();
  }

  @Test
  void bodyThatIsNotJsonIsNotAnAnswer() {
    SignalPages pages = new SignalPages();

    assertThat(pages.add("<html>bad gateway</html>")).isFalse();
    assertThat(pages.merged()).isEmpty();
    assertThat(pages.nextPage()).isEmpty();
  }
}
