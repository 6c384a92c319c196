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
 * Controlled rounding of a whole document at once.
 *
 * <p>Every leaf figure (an entered amount, a member's share) is printed as its exact value rounded
 * down or up; every total is printed as the sum of its printed leaves, so all tables foot, along
 * rows and down columns, and a figure shown in two tables is printed the same in both. The choice of
 * down or up is a 0/1 search: each printed total must stay within 1 unit of its exact value (strictly:
 * the floor or the ceiling of its exact value), and figures that must be equal (e.g. "Te verdelen
 * bedrag" and the sum over the members) must print equal. Each leaf prefers its nearest rounding
 * (halves away from zero). Groups of figures that share no leaf are searched separately: first
 * exhaustively ({@link ZeroOneSearch}, which keeps to the nearest rounding where it can), and where
 * that finds nothing within its step limit, by local search ({@link LocalSearch}). A group for which neither finds a rounding is named in the notes.
 */
public final class ControlledRounding {
  /** Steps of the exhaustive search before the local search takes over. */
  static final long STEP_LIMIT = 200_000;
  static final long FLIP_LIMIT = 2_000_000;

  private ControlledRounding() {}

  public static PrintedFigures round(Document document) {
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
    Map<String, Long> thousands = solve(graph, inThousands, equalities, 100_000, notes);
    Map<String, Long> euros = solve(graph, inEuros, List.of(), 100, new ArrayList<>());
    return new PrintedFigures(thousands, euros, notes);
  }

  private static Map<String, Long> solve(
      FigureGraph graph, Set<String> printed, List<String[]> equalities, long unit, List<String> notes) {
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
    int[] preferred = new int[n];
    for (int i = 0; i < n; i++) {
      long cents = graph.get(leaves.get(i)).cents();
      long nearest = Rounding.divideHalfAwayFromZero(cents, unit);
      preferred[i] = nearest == Rounding.floorDivide(cents, unit) ? 0 : 1;
    }
    int[] value = preferred.clone();
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
    for (List<Constraint> group : byGroup.values()) {
      Map<Integer, Integer> local = new LinkedHashMap<>();
      for (Constraint c : group) {
        for (int v : c.vars) {
          local.putIfAbsent(v, local.size());
        }
      }
      int[] pref = new int[local.size()];
      local.forEach((global, l) -> pref[l] = preferred[global]);
      ZeroOneProblem problem = new ZeroOneProblem(pref);
      for (Constraint c : group) {
        int[] vs = new int[c.vars.length];
        for (int k = 0; k < vs.length; k++) {
          vs[k] = local.get(c.vars[k]);
        }
        problem.constrain(vs, c.coefs, c.lo, c.hi);
      }
      int[] solution = new ZeroOneSearch(problem, STEP_LIMIT).solve();
      if (solution == null) {
        solution = new LocalSearch(problem, FLIP_LIMIT).solve();
      }
      final int[] found = solution;
      if (solution == null) {
        notes.add("no controlled rounding found for the group of " + group.size()
            + " totals around " + group.get(0).label
            + "; its parts are rounded to nearest and its totals are the sums of the printed parts");
        continue;
      }
      local.forEach((global, l) -> value[global] = found[l]);
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

  private static final class Constraint {
    int[] vars;
    int[] coefs;
    long offset;
    long lo;
    long hi;
    String label;
  }
}
