package io.smartcarpipeline.gateway.normalise;

import io.smartcarpipeline.events.GridCell;
import java.util.List;

/**
 * Tyre pressures that Smartcar labels {@code bar} but sends as kPa magnitudes (docs/smartcar-v3.md
 * §2.6 item 5: a real Jaguar I-PACE capture has {@code "unit":"bar"} with 258, i.e. 2.58 bar).
 * Rule: in {@code wheel-tires} with unit bar, a reading above {@value #MAX_PLAUSIBLE_BAR} bar
 * cannot be a car tyre in bar, so the signal's readings are kPa and are divided by 100 into the bar
 * the unit claims. Readings that are plausible bar stay as they are; the original body is kept
 * unchanged in {@code bodyJson}.
 */
final class TyrePressures {

  static final String TIRES_CODE = "wheel-tires";

  /** Far above any passenger-car tyre (2–4 bar), far below any kPa reading (200–400). */
  static final double MAX_PLAUSIBLE_BAR = 20.0;

  private static final double KPA_PER_BAR = 100.0;

  private TyrePressures() {}

  /** The cells in the unit they are labelled with; {@code unit} is the canonical unit. */
  static List<GridCell> inLabelledUnit(String code, String unit, List<GridCell> cells) {
    if (!TIRES_CODE.equals(code) || !UnitTable.BAR.equals(unit) || !sentAsKpa(cells)) {
      return cells;
    }
    return cells.stream()
        .map(
            c ->
                c.getReading() == null
                    ? c
                    : new GridCell(
                        c.getRow(),
                        c.getColumn(),
                        c.getIsOpen(),
                        c.getIsLocked(),
                        c.getReading() / KPA_PER_BAR))
        .toList();
  }

  private static boolean sentAsKpa(List<GridCell> cells) {
    return cells.stream()
        .anyMatch(c -> c.getReading() != null && c.getReading() > MAX_PLAUSIBLE_BAR);
  }
}
