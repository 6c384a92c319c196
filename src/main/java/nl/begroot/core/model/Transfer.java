package nl.begroot.core.model;

import java.util.List;

/**
 * A transfer (overheveling) of a task with its money between programmes: legs that net to zero in
 * every year. Each leg names the proposal line it is shown on.
 */
public record Transfer(String id, String title, List<Leg> legs) {
  public Transfer {
    legs = List.copyOf(legs);
  }

  /** One side of a transfer. */
  public record Leg(String line, Amounts amounts) {}
}
