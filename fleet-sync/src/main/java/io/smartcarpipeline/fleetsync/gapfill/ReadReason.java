package io.smartcarpipeline.fleetsync.gapfill;

/** Why a vehicle's signals are to be read; the log and metrics name it. */
public enum ReadReason {
  /** Fleet-sync saw the vehicle connect: its initial snapshot. */
  NEW_CONNECTION,
  /** A webhook with a FIRST_DELIVERY trigger: subscribed anew or the webhook re-enabled. */
  FIRST_DELIVERY,
  /** Deliveries stopped fleet-wide for longer than Smartcar's retry window, then resumed. */
  OUTAGE,
  /** The vehicle sent nothing for longer than FLEET_SYNC_STALENESS. */
  STALE,
  /** An operator asked ({@code backfill --vehicle V | --all}). */
  ON_DEMAND
}
