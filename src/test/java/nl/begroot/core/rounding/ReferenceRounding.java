package nl.begroot.core.rounding;


import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureGraph;
import nl.begroot.core.figures.Table;
import nl.begroot.core.money.Rounding;

/**
 * The controlled rounding as it was before decision 195, kept unchanged (but for its step limits passed in,
 * decision 272) as the reference that
 * {@code RoundingIdentityTest} holds the faster {@link nl.begroot.core.rounding.ControlledRounding} to:
 * the same printed figures, notes and unproven groups, to the unit.
 *
 * <p>Controlled rounding of a whole document at once, with the least distortion.
 *
 * <p>Every leaf figure (an entered amount, a member's share) is printed as its exact value rounded
 * down or up; every total is printed as the sum of its printed leaves, so all tables foot, along
 * rows and down columns, and a figure shown in two tables is printed the same in both. Each printed
 * total must stay within 1 unit of its exact value (the floor or the ceiling of it), and figures that
 * must be equal (e.g. "Te verdelen bedrag" and the sum over the members) must print equal. Among all
 * roundings that do this, it prints the best one by {@link Cost}: the fewest figures three quarters
 * of a unit or more from their exact value, then the least total distance from the exact values,
 * then the fewest figures not at their nearest unit.
 *
 * <p>Groups of figures that share no leaf are solved separately, each by branch and bound ({@link
 * OptimalSearch}), which proves its rounding the best when it finishes within its step limit; a group
 * whose search stops at the limit prints the best rounding found and is named in {@link
 * PrintedFigures#unproven()}. Where the search finds no rounding at all before its limit, a local
 * search ({@link ReferenceLocalSearch}) looks for any footing one; a group for which none is found (or none
 * exists) is named in the notes and printed with its parts rounded to nearest.
 */
public final class ReferenceRounding {
  /**
   * Steps of the branch and bound, by default (other limits can be passed as {@link ControlledRounding.Limits}):
   * at most {@code GROUP_STEPS} for one group, {@code DOCUMENT_STEPS} for all groups of a document together; a group
   * that finds the document's steps spent still gets {@code LAST_STEPS} to find a first rounding. A group whose
   * search stops at its limit prints the best rounding found (named in the notes). The IPO budget's largest group
   * needs about 220.000. Kept here, not read from {@link ControlledRounding}, so that a change of its limits shows.
   */
  static final long GROUP_STEPS = 400_000;
  static final long DOCUMENT_STEPS = 1_200_000;
  static final long LAST_STEPS = 20_000;
  static final long FLIP_LIMIT = 2_000_000;

  private ReferenceRounding() {}

  public static PrintedFigures round(Document document) {
    return round(document, new ControlledRounding.Limits(GROUP_STEPS, DOCUMENT_STEPS, LAST_STEPS));
  }

  /** With other step limits (the only change to this copy: the limits are passed, decision 272). */
  static PrintedFigures round(Document document, ControlledRounding.Limits limits) {
    FigureGraph graph = document.graph();
    Set<String> inThousands = new LinkedHashSet<>();
    Set<String> inEuros = new LinkedHashSet<>();
    for (Table table : document.tables()) {
      for (Table.Row row : table.rows()) {
        for (Table.Cell cell : row.cells()) {
          if (cell.figureId() != null) {
            (table.inThousands() ? inThousands : inEuros).add(cell.figureId());
          }
        }
      }
    }
    List<String[]> equalities = new ArrayList<>();
    for (String[] pair : graph.equalities()) {
      if (inThousands.contains(pair[0]) || inThousands.contains(pair[1])) {
        inThousands.add(pair[0]);
        inThousands.add(pair[1]);
        equalities.add(pair);
      }
    }
    List<String> notes = new ArrayList<>();
    List<String> unproven = new ArrayList<>();
    Map<String, Long> thousands = solve(graph, inThousands, equalities, 100_000, limits, notes, unproven);
    Map<String, Long> euros = solve(graph, inEuros, List.of(), 100, limits, new ArrayList<>(), new ArrayList<>());
    return new PrintedFigures(thousands, euros, notes, unproven);
  }

  private static Map<String, Long> solve(
      FigureGraph graph, Set<String> printed, List<String[]> equalities, long unit, ControlledRounding.Limits limits,
      List<String> notes, List<String> unproven) {
    Map<String, Map<String, Long>> expansion = new HashMap<>();
    Map<String, Integer> varOf = new LinkedHashMap<>();
    List<String> leaves = new ArrayList<>();
    for (String id : printed) {
      Map<String, Long> coefs = graph.leafCoefficients(id);
      expansion.put(id, coefs);
      for (String leaf : coefs.keySet()) {
        if (!varOf.containsKey(leaf)) {
          long cents = graph.get(leaf).cents();
          if (Math.floorMod(cents, unit) != 0) {
            varOf.put(leaf, leaves.size());
            leaves.add(leaf);
          } else {
            varOf.put(leaf, -1);
          }
        }
      }
    }
    // constraints in 0/1 space: sum coef*d in [lo, hi]
    List<Constraint> constraints = new ArrayList<>();
    for (String id : printed) {
      Figure f = graph.get(id);
      if (f.isLeaf()) {
        continue;
      }
      Constraint c = linear(graph, expansion.get(id), varOf, unit);
      c.lo = Rounding.floorDivide(f.cents(), unit) - c.offset;
      c.hi = Rounding.ceilDivide(f.cents(), unit) - c.offset;
      if (c.hi > c.lo) {
        c.atLo = Print.of(f.cents(), false, unit);
        c.atHi = Print.of(f.cents(), true, unit);
      }
      c.label = id;
      constraints.add(c);
    }
    for (String[] pair : equalities) {
      Map<String, Long> diff = new LinkedHashMap<>(expansion.get(pair[0]));
      expansion.get(pair[1]).forEach((k, v) -> diff.merge(k, -v, Long::sum));
      Constraint c = linear(graph, diff, varOf, unit);
      c.lo = -c.offset;
      c.hi = -c.offset;
      c.label = pair[0] + " = " + pair[1];
      constraints.add(c);
    }
    // groups of variables connected by constraints
    int n = leaves.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (Constraint c : constraints) {
      for (int k = 1; k < c.vars.length; k++) {
        parent[find(parent, c.vars[k])] = find(parent, c.vars[0]);
      }
    }
    // a leaf that is not printed itself (a transfer leg, a component in euros) costs nothing
    Print[][] leafPrints = new Print[n][];
    int[] value = new int[n];
    for (int i = 0; i < n; i++) {
      String leaf = leaves.get(i);
      long cents = graph.get(leaf).cents();
      Print up = Print.of(cents, true, unit);
      leafPrints[i] = printed.contains(leaf) ? new Print[] {Print.of(cents, false, unit), up} : new Print[] {Print.FREE, Print.FREE};
      value[i] = up.nearest() ? 1 : 0; // nearest, until a group's search says otherwise
    }
    Map<Integer, List<Constraint>> byGroup = new LinkedHashMap<>();
    for (Constraint c : constraints) {
      if (c.vars.length == 0) {
        if (c.lo > 0 || c.hi < 0) {
          notes.add("cannot print " + c.label + " within 1 of its exact value");
        }
        continue;
      }
      byGroup.computeIfAbsent(find(parent, c.vars[0]), g -> new ArrayList<>()).add(c);
    }
    Steps steps = new Steps(limits);
    for (List<Constraint> group : byGroup.values()) {
      adopt(solveGroup(group, leafPrints, steps, notes, unproven), group, value);
    }
    Map<String, Long> result = new HashMap<>();
    for (String id : printed) {
      long total = 0;
      for (Map.Entry<String, Long> e : expansion.get(id).entrySet()) {
        long cents = graph.get(e.getKey()).cents();
        int v = varOf.get(e.getKey());
        long leafUnits = Rounding.floorDivide(cents, unit) + (v >= 0 ? value[v] : 0);
        total = Math.addExact(total, Math.multiplyExact(leafUnits, e.getValue()));
      }
      result.put(id, total);
    }
    return result;
  }

  private static void adopt(int[] found, List<Constraint> group, int[] value) {
    if (found == null) {
      return;
    }
    int k = 0;
    for (int global : variablesOf(group)) {
      value[global] = found[k++];
    }
  }

  /** The variables of a group, in the order of first use. */
  private static List<Integer> variablesOf(List<Constraint> group) {
    Map<Integer, Integer> local = new LinkedHashMap<>();
    for (Constraint c : group) {
      for (int v : c.vars) {
        local.putIfAbsent(v, local.size());
      }
    }
    return new ArrayList<>(local.keySet());
  }

  /**
   * The best rounding of one group (see {@link Cost}), by branch and bound; when that runs out of
   * steps before it finds any rounding, by local search. Null (and a note) when neither finds one.
   */
  private static int[] solveGroup(
      List<Constraint> group, Print[][] leafPrints, Steps steps, List<String> notes, List<String> unproven) {
    List<Integer> globals = variablesOf(group);
    Map<Integer, Integer> local = new HashMap<>();
    for (int k = 0; k < globals.size(); k++) {
      local.put(globals.get(k), k);
    }
    List<Print> all = new ArrayList<>();
    for (int global : globals) {
      all.addAll(List.of(leafPrints[global]));
    }
    for (Constraint c : group) {
      all.add(c.atLo);
      all.add(c.atHi);
    }
    Cost cost = Cost.over(all);
    long[][] leafCost = new long[globals.size()][];
    for (int k = 0; k < leafCost.length; k++) {
      Print[] p = leafPrints[globals.get(k)];
      leafCost[k] = new long[] {cost.of(p[0]), cost.of(p[1])};
    }
    List<int[]> vars = new ArrayList<>();
    List<int[]> coefs = new ArrayList<>();
    List<long[]> bounds = new ArrayList<>();
    List<long[]> totalCosts = new ArrayList<>();
    for (Constraint c : group) {
      int[] vs = new int[c.vars.length];
      for (int k = 0; k < vs.length; k++) {
        vs[k] = local.get(c.vars[k]);
      }
      vars.add(vs);
      coefs.add(c.coefs);
      bounds.add(new long[] {c.lo, c.hi});
      totalCosts.add(new long[] {cost.of(c.atLo), cost.of(c.atHi)});
    }
    OptimalSearch search = new OptimalSearch(leafCost, vars, coefs, bounds, totalCosts,
        Math.max(steps.limits.last(), Math.min(steps.limits.group(), steps.remaining)));
    OptimalSearch.Result result = search.solve();
    steps.remaining -= search.steps();
    if (result.values() != null) {
      if (!result.proven()) {
        unproven.add("the rounding of the group of " + group.size() + " totals around " + group.get(0).label
            + " is the best found within the search limit, not proven the least distortion");
      }
      return result.values();
    }
    if (result.proven()) {
      notes.add("no controlled rounding exists for the group of " + group.size() + " totals around "
          + group.get(0).label + "; its parts are rounded to nearest and its totals are the sums of the printed parts");
      return null;
    }
    int[] preferred = new int[globals.size()];
    for (int k = 0; k < preferred.length; k++) {
      preferred[k] = leafCost[k][1] < leafCost[k][0] ? 1 : 0;
    }
    ZeroOneProblem problem = new ZeroOneProblem(preferred);
    for (int j = 0; j < vars.size(); j++) {
      problem.constrain(vars.get(j), coefs.get(j), bounds.get(j)[0], bounds.get(j)[1]);
    }
    int[] solution = new ReferenceLocalSearch(problem, FLIP_LIMIT).solve();
    if (solution == null) {
      notes.add("no controlled rounding found for the group of " + group.size()
          + " totals around " + group.get(0).label
          + "; its parts are rounded to nearest and its totals are the sums of the printed parts");
    }
    return solution;
  }

  /**
   * How a figure prints when rounded down or up to whole units: its distance from the exact value in
   * cents, whether that is the nearest unit (halves away from zero), and whether it is far (three
   * quarters of a unit or more). A figure that is not printed itself is {@link #FREE}.
   */
  record Print(long distanceCents, boolean nearest, boolean far) {
    static final Print FREE = new Print(0, true, false);

    static Print of(long cents, boolean up, long unit) {
      long printed = up ? Rounding.ceilDivide(cents, unit) : Rounding.floorDivide(cents, unit);
      long distance = Math.abs(Math.subtractExact(Math.multiplyExact(printed, unit), cents));
      return new Print(distance, printed == Rounding.divideHalfAwayFromZero(cents, unit), distance * 4 >= unit * 3);
    }
  }

  /**
   * The order of preference between roundings of a group, as one number to minimise: first the
   * fewest figures three quarters of a unit or more from their exact value, then the least total
   * distance in cents, then the fewest figures not at their nearest unit. Each weight exceeds the
   * largest sum of everything below it (when that would overflow a long, the first criterion is left
   * out and the others keep their order).
   */
  record Cost(long farWeight, long distanceWeight) {
    static Cost over(List<Print> prints) {
      long count = prints.size() + 1L;
      long maxDistance = 0;
      for (Print p : prints) {
        maxDistance = Math.addExact(maxDistance, p.distanceCents());
      }
      try {
        long far = Math.addExact(Math.multiplyExact(maxDistance, count), count);
        Math.multiplyExact(far, count); // room for every figure to be far
        return new Cost(far, count);
      } catch (ArithmeticException tooLarge) {
        return new Cost(0, count);
      }
    }

    long of(Print p) {
      return (p.far() ? farWeight : 0) + p.distanceCents() * distanceWeight + (p.nearest() ? 0 : 1);
    }
  }

  private static Constraint linear(FigureGraph graph, Map<String, Long> coefs, Map<String, Integer> varOf, long unit) {
    Constraint c = new Constraint();
    List<int[]> terms = new ArrayList<>();
    for (Map.Entry<String, Long> e : coefs.entrySet()) {
      long coef = e.getValue();
      if (coef == 0) {
        continue;
      }
      long floor = Rounding.floorDivide(graph.get(e.getKey()).cents(), unit);
      c.offset = Math.addExact(c.offset, Math.multiplyExact(floor, coef));
      int v = varOf.get(e.getKey());
      if (v >= 0) {
        terms.add(new int[] {v, Math.toIntExact(coef)});
      }
    }
    c.vars = terms.stream().mapToInt(t -> t[0]).toArray();
    c.coefs = terms.stream().mapToInt(t -> t[1]).toArray();
    return c;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The search steps a document has left. */
  private static final class Steps {
    final ControlledRounding.Limits limits;
    long remaining;

    Steps(ControlledRounding.Limits limits) {
      this.limits = limits;
      this.remaining = limits.document();
    }
  }

  private static final class Constraint {

    int[] vars;
    int[] coefs;
    long offset;
    Print atLo = Print.FREE;
    Print atHi = Print.FREE;
    long lo;
    long hi;
    String label;
  }
}
