package io.smartcarpipeline.dispatcher.it;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.schemas.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the results topic (read_committed, from the beginning) and keeps every result seen. */
final class ResultCollector implements AutoCloseable {

  private final TopicCollector<CommandResult> results;

  ResultCollector(String bootstrap, String registryUrl) {
    results = new TopicCollector<>(bootstrap, registryUrl, Topics.COMMAND_RESULTS);
  }

  /** Polls once and returns the results for these commandIds, by commandId. */
  Map<String, List<CommandResult>> poll(Collection<String> commandIds) {
    return results.poll().stream()
        .filter(r -> commandIds.contains(r.getCommandId()))
        .collect(Collectors.groupingBy(CommandResult::getCommandId));
  }

  @Override
  public void close() {
    results.close();
  }
}
