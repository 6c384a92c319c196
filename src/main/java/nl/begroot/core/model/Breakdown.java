package nl.begroot.core.model;

import java.util.List;

/**
 * A proposal's breakdown into components, printed as a table of its own (e.g. the coverage
 * proposals A-C of 4.1, or the parts of the wolves approach). Components carry the proposal's sign;
 * {@code showNegated} prints them with the opposite sign (coverage shown as positive amounts). For
 * each year where any component has an amount, the components add up to the proposal's amount.
 */
public record Breakdown(String title, boolean showNegated, boolean inEuros, List<Component> components) {
  public Breakdown {
    components = List.copyOf(components);
  }

  /** One component of a breakdown. */
  public record Component(String id, String title, Nature nature, Amounts amounts) {}
}
