package io.smartcarpipeline.smartcar.http;

/**
 * What one call to the Smartcar API came back with: either an HTTP response (whatever its status)
 * or a transport failure. Calls never fail their future; every outcome is one of these two, so the
 * one classifier sees all of them.
 */
public sealed interface ApiOutcome permits ApiResponse, TransportFailure {

  /** The SC-Request-Id to quote to Smartcar support, when there was a response. */
  String requestId();
}
