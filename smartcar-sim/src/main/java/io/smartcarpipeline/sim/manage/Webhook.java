package io.smartcarpipeline.sim.manage;

/**
 * A webhook as the management API shows it ({@code GET /webhooks/{id}}); {@code url} is null until
 * a fleet delivers to it.
 */
public record Webhook(String id, String name, String url) {}
