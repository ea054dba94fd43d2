package io.smartcarpipeline.processors.domain.confirmation;

/** What one reading says about a command's effect. */
public enum Verdict {
  /** The reading shows the effect. */
  CONFIRMS,
  /** The reading shows the opposite. */
  CONTRADICTS,
  /** The reading says nothing about it (another signal, a null or unknown value). */
  SILENT
}
