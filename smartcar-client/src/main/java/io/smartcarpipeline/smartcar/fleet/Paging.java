package io.smartcarpipeline.smartcar.fleet;

import io.smartcarpipeline.smartcar.errors.CallKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Reads a JSON:API list page by page ({@code page[number]} from 1) through the {@link
 * SmartcarCaller}, one page at a time, until {@code links.next} is null, a page is empty, {@code
 * meta.totalCount} items were seen, or {@code maxPages} pages were read (a guard against a server
 * that always says "next").
 */
final class Paging {

  private Paging() {}

  static <T> Future<Listing<T>> all(
      SmartcarCaller caller,
      String name,
      CallKind kind,
      IntFunction<SmartcarCaller.Send> pageRequest,
      Function<String, Page<T>> parse,
      int maxPages) {
    Promise<Listing<T>> done = Promise.promise();
    next(caller, name, kind, pageRequest, parse, maxPages, 1, new ArrayList<>(), 0, done);
    return done.future();
  }

  private static <T> void next(
      SmartcarCaller caller,
      String name,
      CallKind kind,
      IntFunction<SmartcarCaller.Send> pageRequest,
      Function<String, Page<T>> parse,
      int maxPages,
      int number,
      List<T> items,
      int unreadable,
      Promise<Listing<T>> done) {
    caller
        .call("@" + name + "#" + number, kind, pageRequest.apply(number))
        .onComplete(
            ar -> {
              SmartcarAnswer answer = ar.result();
              if (!answer.ok()) {
                done.complete(new Listing<>(items, unreadable, number - 1, answer));
                return;
              }
              Page<T> page = parse.apply(answer.body());
              items.addAll(page.items());
              int skipped = unreadable + page.unreadable();
              if (page.more(items.size() + skipped) && number < maxPages) {
                next(
                    caller,
                    name,
                    kind,
                    pageRequest,
                    parse,
                    maxPages,
                    number + 1,
                    items,
                    skipped,
                    done);
              } else {
                done.complete(new Listing<>(items, skipped, number, null));
              }
            });
  }
}
