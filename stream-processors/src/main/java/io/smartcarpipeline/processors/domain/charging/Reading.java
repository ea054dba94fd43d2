package io.smartcarpipeline.processors.domain.charging;

/**
 * One value of one signal at its source time.
 *
 * @param code signal code
 * @param value the value
 * @param at source time, epoch millis (oemUpdatedAt, else retrievedAt, else receivedAt)
 * @param <T> value type
 */
public record Reading<T>(String code, T value, long at) {}
