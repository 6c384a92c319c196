package nl.begroot.core.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A programme (deel) with its units and frame.
 *
 * <p>An {@code overheadView} programme (IPO's programme 5, Bedrijfsvoering) is a view of costs
 * already inside the other programmes' frames: its frame is shown but not added to the totals; its
 * proposals do add. {@code spread} gives the shares (percent) by which its changes go to the annex
 * columns.
 */
public record Programme(
    String id,
    String title,
    String intro,
    boolean overheadView,
    Map<String, BigDecimal> spread,
    List<Unit> units,
    Amounts frameLasten,
    Amounts frameBaten) {

  public Programme {
    spread = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spread));
    units = List.copyOf(units);
  }
}
