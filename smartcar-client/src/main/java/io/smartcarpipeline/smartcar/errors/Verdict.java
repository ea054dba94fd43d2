package io.smartcarpipeline.smartcar.errors;

/** What the caller does after one call: the closed set the classifier maps every outcome to. */
public enum Verdict {
  /** Smartcar executed the command (or answered the read). Final: SUCCEEDED. */
  SUCCESS,
  /** Smartcar refused because the vehicle already is in the desired state. Final: SUCCEEDED. */
  ALREADY_DONE,
  /** Try again after the classification's schedule, within the retry policy. */
  RETRYABLE,
  /** Do not try again. Final: FAILED. */
  PERMANENT,
  /** The app token was refused: get a new token and retry once. */
  REAUTHENTICATE
}
