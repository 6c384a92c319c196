package nl.begroot.core.rounding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureGraph;
import nl.begroot.core.figures.Table;
import nl.begroot.core.money.Rounding;

/**
 * Controlled rounding of a whole document at once, with the least distortion.
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
 * search ({@link LocalSearch}) looks for any footing one, and in a large group (a total of more than
 * {@link LocalSearch#LARGE} leaves) then lowers its cost by moves that keep every constraint met
 * (decision 224: such a group may print another rounding than before, no worse by {@link Cost} on the
 * bench budgets); a group for which none is found (or none
 * exists) is named in the notes and printed with its parts rounded to nearest. The branch and bound
 * visits the groups in turn (they share the document's steps); the local searches, independent of each
 * other, run side by side. A group with more variables than its steps, which the branch and bound cannot
 * finish, goes to the local search without it when that finds a footing rounding (decision 272); so does a large
 * group, without taking any of the document's steps (decision 273).
 *
 * <p>Each sum is expanded into its leaves once, from the expansions of its terms, with the leaves
 * numbered (decision 195; a leaf is only its number, decision 262); every group the branch and bound solves, and every small group the local
 * search solves, prints exactly what it printed before (RoundingIdentityTest holds it to the old
 * rounding, kept in the tests, and holds the large groups to the constraints and the old cost).
 */
public final class ControlledRounding {
  /**
   * Steps of the branch and bound: at most {@code GROUP_STEPS} for one group, {@code DOCUMENT_STEPS}
   * for all groups of a document together; a group that finds the document's steps spent still gets
   * {@code LAST_STEPS} to find a first rounding. A group whose search stops at its limit prints the
   * best rounding found (named in the notes). The IPO budget's largest group needs about 220.000.
   */
  static final long GROUP_STEPS = 400_000;
  static final long DOCUMENT_STEPS = 1_200_000;
  static final long LAST_STEPS = 20_000;
  static final long FLIP_LIMIT = 2_000_000;

  /** The steps of the branch and bound: for one group, for the document, for a group after the document's are spent. */
  record Limits(long group, long document, long last) {}

  static final Limits STEPS = new Limits(GROUP_STEPS, DOCUMENT_STEPS, LAST_STEPS);

  private ControlledRounding() {}

  public static PrintedFigures round(Document document) {
    return round(document, STEPS);
  }

  /** As {@link #round(Document)}, with other step limits (for the tests). */
  static PrintedFigures round(Document document, Limits limits) {
    FigureGraph graph = document.graph();
    // the printed figures by number, in the order of first use in the tables (decision 257)
    Printed inThousands = new Printed(graph.size());
    Printed inEuros = new Printed(graph.size());
    for (Table table : document.tables()) {
      Printed into = table.inThousands() ? inThousands : inEuros;
      table.forEachFigure(graph, into::add);
    }
    List<int[]> equalities = new ArrayList<>();
    for (String[] pair : graph.equalities()) {
      int a = graph.indexOf(pair[0]);
      int b = graph.indexOf(pair[1]);
      if (a >= 0 && inThousands.has(a) || b >= 0 && inThousands.has(b)) {
        int[] numbers = {number(graph, pair[0]), number(graph, pair[1])};
        inThousands.add(numbers[0]);
        inThousands.add(numbers[1]);
        equalities.add(numbers);
      }
    }
    List<String> notes = new ArrayList<>();
    List<String> unproven = new ArrayList<>();
    Map<String, Long> thousands = solve(graph, inThousands, equalities, 100_000, limits, notes, unproven);
    Map<String, Long> euros = solve(graph, inEuros, List.of(), 100, limits, new ArrayList<>(), new ArrayList<>());
    return new PrintedFigures(thousands, euros, notes, unproven);
  }

  private static int number(FigureGraph graph, String id) {
    int number = graph.indexOf(id);
    if (number < 0) {
      throw new IllegalArgumentException("no figure " + id);
    }
    return number;
  }

  /** A set of figure numbers that keeps the order they were first added in. */
  private static final class Printed {
    final boolean[] has;
    int[] order = new int[16];
    int size;

    Printed(int figures) {
      has = new boolean[figures];
    }

    boolean has(int figure) {
      return has[figure];
    }

    void add(int figure) {
      if (!has[figure]) {
        has[figure] = true;
        if (size == order.length) {
          order = java.util.Arrays.copyOf(order, size * 2);
        }
        order[size++] = figure;
      }
    }
  }

  private static Map<String, Long> solve(
      FigureGraph graph, Printed printed, List<int[]> equalities, long unit, Limits limits, List<String> notes,
      List<String> unproven) {
    // every printed figure as its leaves with coefficients, each leaf a number (decision 195); a leaf is its own
    // variable (rounded down or up) unless it is a whole number of units (fixed); the numbering of the variables
    // decides nothing: a group's search numbers its own in the order of first use (decision 259)
    int printedCount = printed.size;
    Expansions ex = new Expansions(graph, unit, printedCount);
    Expansion[] expansion = new Expansion[printedCount];
    int[] printedFigures = printed.order;
    for (int p = 0; p < printedCount; p++) {
      int figure = printedFigures[p];
      if (ex.isLeaf(figure)) {
        ex.leaf(figure); // its own variable: no expansion (null), numbered in the same order
      } else {
        expansion[p] = ex.of(figure);
      }
    }
    int n = ex.leafCount();
    // constraints in 0/1 space: sum coef*d in [lo, hi]
    List<Constraint> constraints = new ArrayList<>();
    for (int p = 0; p < printedCount; p++) {
      if (expansion[p] == null) {
        continue; // a leaf
      }
      Figure f = graph.figure(printedFigures[p]);
      Constraint c = linear(expansion[p]);
      c.lo = Rounding.floorDivide(f.cents(), unit) - c.offset;
      c.hi = Rounding.ceilDivide(f.cents(), unit) - c.offset;
      if (c.hi > c.lo) {
        c.atLo = Print.of(f.cents(), false, unit);
        c.atHi = Print.of(f.cents(), true, unit);
      }
      c.label = new Label(graph, printedFigures[p], -1);
      constraints.add(c);
    }
    for (int[] pair : equalities) {
      Expansion diff = ex.difference(ex.of(pair[0]), ex.of(pair[1]));
      Constraint c = linear(diff);
      c.lo = -c.offset;
      c.hi = -c.offset;
      c.label = new Label(graph, pair[0], pair[1]);
      constraints.add(c);
    }
    // groups of variables connected by constraints
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (Constraint c : constraints) {
      if (c.vars.length == 0) {
        continue;
      }
      int root = find(parent, c.vars[0]); // stays a root: only other roots are hung under it
      for (int k = 1; k < c.vars.length; k++) {
        int other = find(parent, c.vars[k]);
        if (other != root) {
          parent[other] = root;
        }
      }
    }
    // a leaf that is not printed itself (a transfer leg, a component in euros) costs nothing
    long[] down = new long[n]; // packed (Print.pack)
    long[] up = new long[n];
    int[] value = new int[n];
    for (int leaf = 0; leaf < n; leaf++) {
      if (ex.fixed[leaf]) {
        continue; // in no constraint
      }
      long cents = ex.cents(leaf);
      long atUp = Print.pack(cents, true, unit);
      boolean shown = printed.has(ex.figure(leaf));
      down[leaf] = shown ? Print.pack(cents, false, unit) : Print.FREE.packed();
      up[leaf] = shown ? atUp : Print.FREE.packed();
      value[leaf] = (atUp & Print.NEAREST) != 0 ? 1 : 0; // nearest, until a group's search says otherwise
    }
    Map<Integer, List<Constraint>> byGroup = new LinkedHashMap<>();
    for (Constraint c : constraints) {
      if (c.vars.length == 0) {
        if (c.lo > 0 || c.hi < 0) {
          notes.add("cannot print " + c.label.text() + " within 1 of its exact value");
        }
        continue;
      }
      byGroup.computeIfAbsent(find(parent, c.vars[0]), g -> new ArrayList<>()).add(c);
    }
    // the branch and bound of each group in turn (the groups share the document's steps, so their
    // order counts); the local searches of groups it left without a rounding are independent of
    // each other and run side by side; their outcomes are taken in the groups' order (decision 195).
    // A large group (decision 273), and a group with more variables than its steps (decision 272), skips its branch
    // and bound when the local search finds it a footing rounding; if one does not, every group is searched again
    // without skipping
    List<Group> groups = new ArrayList<>(byGroup.size());
    int[] localOf = new int[n];
    for (List<Constraint> group : byGroup.values()) {
      groups.add(Group.of(group, localOf));
    }
    List<Outcome> outcomes = searchGroups(groups, down, up, limits, true);
    if (outcomes.stream().anyMatch(o -> o.skipped && !o.foots())) {
      outcomes = searchGroups(groups, down, up, limits, false);
    }
    for (Outcome o : outcomes) {
      o.report(notes, unproven);
      adopt(o.globals, o.values, value);
    }
    // a total prints as the sum of its printed leaves with their coefficients; as that is linear, it is the sum of
    // its terms' printed values with their signs (decision 268), each sum's worked out once: its direct terms, not
    // its expansion into leaves (3,6 million terms at 10^6 cells, against 24,7 million leaves)
    long[] result = new long[graph.size()];
    boolean[] known = new boolean[graph.size()];
    for (int p = 0; p < printedCount; p++) {
      units(printedFigures[p], ex, value, result, known);
    }
    return new FigureValues(graph, printed.has, result, printedFigures, printedCount);
  }

  /**
   * The printed value of a figure in units: a leaf's rounded down plus its variable (unless fixed), a sum's the
   * signed sum of its terms'. Kept in {@code result} (marked in {@code known}). Every sum reached was expanded,
   * so its leaves are numbered and its depth is checked.
   */
  private static long units(int figure, Expansions ex, int[] value, long[] result, boolean[] known) {
    if (known[figure]) {
      return result[figure];
    }
    long total;
    if (ex.isLeaf(figure)) {
      int leaf = ex.leaf(figure);
      total = ex.floorOf[leaf] + (ex.fixed[leaf] ? 0 : value[leaf]);
    } else {
      int[] start = ex.links.start();
      int[] termFigure = ex.links.figure();
      int[] sign = ex.links.sign();
      total = 0;
      for (int t = start[figure]; t < start[figure + 1]; t++) {
        total = Math.addExact(total, Math.multiplyExact(units(termFigure[t], ex, value, result, known), (long) sign[t]));
      }
    }
    result[figure] = total;
    known[figure] = true;
    return total;
  }

  /**
   * The branch and bound of each group in turn, then the local searches side by side. With {@code skip}, a group
   * with more variables than its steps does not run its branch and bound (decision 272): that search takes a step
   * for every variable it assigns, so it cannot reach a whole rounding, and it prunes only branches that cannot
   * foot (no rounding is found to bound the cost); so when a footing rounding exists, it can only run out of steps,
   * charged its limit and one more, and hand the group to the local search. Whether one exists is known after the
   * local search: the caller searches again without skipping where a skipped group's did not find one. A large
   * group ({@link LocalSearch#large}) does not run it either, and takes none of the steps (decision 273): its branch
   * and bound never found a rounding on any budget measured (5.000 to 10^6 cells, 3.700 to 97.500 variables, 20.000
   * to 400.000 steps), and the local search rounds it otherwise than before anyway (decision 224).
   */
  private static List<Outcome> searchGroups(List<Group> groups, long[] down, long[] up, Limits limits, boolean skip) {
    Steps steps = new Steps(limits);
    List<Outcome> outcomes = new ArrayList<>();
    for (Group group : groups) {
      outcomes.add(solveGroup(group, down, up, steps, skip));
    }
    outcomes.parallelStream().filter(o -> o.local != null).forEach(Outcome::searchLocally);
    return outcomes;
  }

  private static void adopt(int[] globals, int[] found, int[] value) {
    if (found == null) {
      return;
    }
    for (int k = 0; k < globals.length; k++) {
      value[globals[k]] = found[k];
    }
  }

  /**
   * A group's constraints, and its variables in the order of first use ({@code globals}: each one's number among all
   * the leaves). Each constraint's variables are renumbered by their places in that order, in its own array, in the
   * same walk (decision 270): {@code Constraint.vars} holds places from then on (decision 274: a copy of every
   * constraint's variables was 73 MB at 10^6 cells). The arrays are the expansions' (decision 259), which nothing
   * reads after the constraints are made. Made once, for both searches of the groups (decision 272).
   */
  private record Group(List<Constraint> constraints, int[] globals) {
    /** {@code localOf}: by leaf number, its place in its group plus one (0: not yet seen); the groups share no leaf. */
    static Group of(List<Constraint> constraints, int[] localOf) {
      int[] order = new int[16];
      int size = 0;
      for (Constraint c : constraints) {
        int[] vs = c.vars;
        for (int k = 0; k < vs.length; k++) {
          int v = vs[k];
          int place = localOf[v] - 1;
          if (place < 0) {
            if (size == order.length) {
              order = java.util.Arrays.copyOf(order, size * 2);
            }
            place = size;
            order[size++] = v;
            localOf[v] = size; // place + 1
          }
          vs[k] = place;
        }
      }
      return new Group(constraints, java.util.Arrays.copyOf(order, size));
    }
  }

  /**
   * What one group's search came to: the values (null when none), the note or unproven message to
   * print, or, when the branch and bound found nothing within its steps, the local search still to run.
   */
  private static final class Outcome {
    final int[] globals;
    boolean skipped; // the branch and bound not run (decisions 272, 273)
    int[] values;
    String note;
    String unproven;
    ZeroOneProblem local;
    long[] leafCost; // [2 * v + d]
    long[][] totalCost;
    String label;
    int size;

    Outcome(int[] globals) {
      this.globals = globals;
    }

    void searchLocally() {
      values = new LocalSearch(local, leafCost, totalCost, FLIP_LIMIT).solve();
      if (values == null) {
        note = "no controlled rounding found for the group of " + size
            + " totals around " + label
            + "; its parts are rounded to nearest and its totals are the sums of the printed parts";
      }
    }

    /** Whether the values meet every constraint of the group (checked here, not taken from the search). */
    boolean foots() {
      return values != null && local.metBy(values);
    }

    void report(List<String> notes, List<String> unprovenGroups) {
      if (unproven != null) {
        unprovenGroups.add(unproven);
      }
      if (note != null) {
        notes.add(note);
      }
    }
  }

  /**
   * The best rounding of one group (see {@link Cost}), by branch and bound; when that runs out of
   * steps before it finds any rounding, the local search to run next ({@link Outcome#searchLocally}).
   * No values (and a note) when neither finds one.
   */
  private static Outcome solveGroup(Group g, long[] down, long[] up, Steps steps, boolean skip) {
    List<Constraint> group = g.constraints;
    int[] globals = g.globals;
    List<int[]> vars = new ArrayList<>(group.size());
    for (Constraint c : group) {
      vars.add(c.vars);
    }
    Outcome outcome = new Outcome(globals);
    // the cost over every print of the group (two per variable, two per constraint), without a list of them
    long maxDistance = 0;
    for (int global : globals) {
      maxDistance = Math.addExact(Math.addExact(maxDistance, down[global] >>> 2), up[global] >>> 2);
    }
    for (Constraint c : group) {
      maxDistance = Math.addExact(Math.addExact(maxDistance, c.atLo.distanceCents()), c.atHi.distanceCents());
    }
    Cost cost = Cost.over(2L * globals.length + 2L * group.size(), maxDistance);
    long[] leafCost = new long[Math.multiplyExact(2, globals.length)]; // [2k]: down, [2k + 1]: up
    for (int k = 0; k < globals.length; k++) {
      leafCost[2 * k] = cost.of(down[globals[k]]);
      leafCost[2 * k + 1] = cost.of(up[globals[k]]);
    }
    List<int[]> coefs = new ArrayList<>();
    List<long[]> bounds = new ArrayList<>();
    List<long[]> totalCosts = new ArrayList<>();
    for (Constraint c : group) {
      coefs.add(c.coefs);
      bounds.add(new long[] {c.lo, c.hi});
      totalCosts.add(new long[] {cost.of(c.atLo), cost.of(c.atHi)});
    }
    long limit = steps.limit();
    OptimalSearch.Result result;
    // a large group goes to the local search alone, taking none of the document's steps (decision 273); a group with
    // more variables than its steps is charged what its search spends when it runs out (decision 272)
    boolean large = LocalSearch.large(vars);
    if (skip && (large || globals.length > limit)) {
      outcome.skipped = true;
      steps.remaining -= large ? 0 : limit + 1;
      result = new OptimalSearch.Result(null, 0, false);
    } else {
      OptimalSearch search = new OptimalSearch(leafCost, vars, coefs, bounds, totalCosts, limit);
      result = search.solve();
      steps.remaining -= search.steps();
    }
    if (result.values() != null) {
      if (!result.proven()) {
        outcome.unproven = "the rounding of the group of " + group.size() + " totals around " + group.get(0).label.text()
            + " is the best found within the search limit, not proven the least distortion";
      }
      outcome.values = result.values();
      return outcome;
    }
    if (result.proven()) {
      outcome.note = "no controlled rounding exists for the group of " + group.size() + " totals around "
          + group.get(0).label.text() + "; its parts are rounded to nearest and its totals are the sums of the printed parts";
      return outcome;
    }
    int[] preferred = new int[globals.length];
    for (int k = 0; k < preferred.length; k++) {
      preferred[k] = leafCost[2 * k + 1] < leafCost[2 * k] ? 1 : 0;
    }
    ZeroOneProblem problem = new ZeroOneProblem(preferred);
    for (int j = 0; j < vars.size(); j++) {
      problem.constrain(vars.get(j), coefs.get(j), bounds.get(j)[0], bounds.get(j)[1]);
    }
    outcome.local = problem;
    outcome.leafCost = leafCost;
    outcome.totalCost = totalCosts.toArray(new long[0][]);
    outcome.label = group.get(0).label.text();
    outcome.size = group.size();
    return outcome;
  }

  /**
   * How a figure prints when rounded down or up to whole units: its distance from the exact value in
   * cents, whether that is the nearest unit (halves away from zero), and whether it is far (three
   * quarters of a unit or more). A figure that is not printed itself is {@link #FREE}.
   */
  record Print(long distanceCents, boolean nearest, boolean far) {
    static final Print FREE = new Print(0, true, false);

    static Print of(long cents, boolean up, long unit) {
      long packed = pack(cents, up, unit);
      return new Print(packed >>> 2, (packed & NEAREST) != 0, (packed & FAR) != 0);
    }

    /*
     * A leaf's two prints are kept as one long each (decision 266: 2,2 million records at 10^6 cells): the
     * distance in cents shifted left by two, then whether it is the nearest unit, then whether it is far.
     */
    static final long NEAREST = 2;
    static final long FAR = 1;

    static long pack(long cents, boolean up, long unit) {
      long printed = up ? Rounding.ceilDivide(cents, unit) : Rounding.floorDivide(cents, unit);
      long distance = Math.abs(Math.subtractExact(Math.multiplyExact(printed, unit), cents));
      return Math.multiplyExact(distance, 4) | (printed == Rounding.divideHalfAwayFromZero(cents, unit) ? NEAREST : 0)
          | (distance * 4 >= unit * 3 ? FAR : 0);
    }

    long packed() {
      return Math.multiplyExact(distanceCents, 4) | (nearest ? NEAREST : 0) | (far ? FAR : 0);
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
    /** Over {@code prints} figures' prints whose distances add up to {@code maxDistance}. */
    static Cost over(long prints, long maxDistance) {
      long count = prints + 1;
      try {
        long far = Math.addExact(Math.multiplyExact(maxDistance, count), count);
        Math.multiplyExact(far, count); // room for every figure to be far
        return new Cost(far, count);
      } catch (ArithmeticException tooLarge) {
        return new Cost(0, count);
      }
    }

    long of(Print p) {
      return of(p.packed());
    }

    /** The cost of a print packed as {@link Print#pack} packs it. */
    long of(long print) {
      return ((print & Print.FAR) != 0 ? farWeight : 0) + (print >>> 2) * distanceWeight + ((print & Print.NEAREST) != 0 ? 0 : 1);
    }
  }

  /**
   * A printed total or an equality as a constraint over its variables: its leaves with a coefficient (an expansion
   * holds no fixed leaf: its floor is in the offset, decision 271). When no coefficient cancelled, the constraint
   * shares the expansion's arrays (read only, never written; decision 259).
   */
  private static Constraint linear(Expansion e) {
    Constraint c = new Constraint();
    c.offset = e.offset;
    if (e.plain()) {
      c.vars = e.leaves;
      c.coefs = e.coefs;
      return c;
    }
    c.vars = new int[e.kept];
    c.coefs = new int[e.kept];
    int t = 0;
    for (int k = 0; k < e.leaves.length; k++) {
      if (e.coefs[k] != 0) {
        c.vars[t] = e.leaves[k];
        c.coefs[t++] = e.coefs[k];
      }
    }
    return c;
  }


  /**
   * A figure as its leaves that are variables (numbers given by {@link Expansions}) with their coefficients, in the
   * order of first use; a fixed leaf (a whole number of units) is left out, as it is in no constraint (decision 271);
   * {@code offset}: the sum of all its leaves rounded down with their coefficients, in units, the fixed ones
   * included (decision 268: worked out from the terms, not by another walk of the leaves); {@code kept}: how many
   * leaves have a coefficient other than 0, the variables of its constraint (decision 270 counts them).
   */
  private record Expansion(int[] leaves, int[] coefs, int height, long offset, int kept) {
    /** No coefficient is 0: a constraint takes the arrays as they are. */
    boolean plain() {
      return kept == leaves.length;
    }
  }

  /** The coefficients of a leaf's own expansion: one array for every leaf (read only). */
  private static final int[] ONE = {1};
  /** The leaves and coefficients of a fixed leaf's own expansion (read only). */
  private static final int[] NONE = {};

  /**
   * Every figure's expansion into its leaves, each sum expanded once and the expansions of its
   * terms reused (decision 195; a leaf keeps only its number, and {@link #of} makes its one-leaf expansion
   * anew each time it is asked, decision 262): the same leaves, coefficients and order as {@link
   * FigureGraph#leafCoefficients} (first occurrence in a depth-first walk of the terms; a leaf whose
   * coefficients cancel stays, with 0), less the fixed leaves (decision 271), by figure number (decision 257),
   * without a text id per term.
   */
  private static final class Expansions {
    private final FigureGraph graph;
    private final FigureGraph.Links links;
    private final long unit;
    private final Expansion[] done; // by figure number, the sums expanded
    private final int[] leafOf; // by figure number, a leaf's number + 1 (0 until first met)
    private final boolean[] open;
    private int leafCount;
    private int[] leafFigure;
    private long[] leafCents;
    private long[] floorOf; // by leaf: rounded down, in units
    private boolean[] fixed; // by leaf: a whole number of units (no variable)
    private long[] scratch;
    private boolean[] seen;

    /**
     * {@code leaves}: how many leaves to make room for at first, e.g. the number of printed figures (at 10^6 cells
     * about as many as the leaves; growing six arrays from 16 by doubling copied 100 MB, decision 274).
     */
    Expansions(FigureGraph graph, long unit, int leaves) {
      int capacity = Math.max(16, leaves);
      leafFigure = new int[capacity];
      leafCents = new long[capacity];
      floorOf = new long[capacity];
      fixed = new boolean[capacity];
      scratch = new long[capacity];
      seen = new boolean[capacity];
      this.graph = graph;
      this.unit = unit;
      this.links = graph.links();
      this.done = new Expansion[graph.size()];
      this.leafOf = new int[graph.size()];
      this.open = new boolean[graph.size()];
    }

    int leafCount() {
      return leafCount;
    }

    long cents(int leaf) {
      return leafCents[leaf];
    }

    /** The number of the figure that is this leaf. */
    int figure(int leaf) {
      return leafFigure[leaf];
    }

    Expansion of(int figure) {
      Expansion e = expand(figure);
      if (e.height > 64) {
        throw new IllegalStateException("figure definitions nest too deep at " + graph.figure(figure).id());
      }
      return e;
    }

    /**
     * The leaf number of a figure that is a leaf (a figure without terms), given in the order first met; a
     * leaf has no {@link Expansion} object of its own (decision 262): 1,1 million of them at 10^6 cells,
     * each a record and an array, long-lived, were a tenth of the rounding's memory.
     */
    int leaf(int figure) {
      int leaf = leafOf[figure] - 1;
      if (leaf >= 0) {
        return leaf;
      }
      leaf = leafCount++;
      if (leaf == leafCents.length) {
        leafFigure = java.util.Arrays.copyOf(leafFigure, leaf * 2);
        leafCents = java.util.Arrays.copyOf(leafCents, leaf * 2);
        scratch = java.util.Arrays.copyOf(scratch, leaf * 2);
        seen = java.util.Arrays.copyOf(seen, leaf * 2);
        floorOf = java.util.Arrays.copyOf(floorOf, leaf * 2);
        fixed = java.util.Arrays.copyOf(fixed, leaf * 2);
      }
      leafFigure[leaf] = figure;
      leafCents[leaf] = graph.cents(figure);
      floorOf[leaf] = Rounding.floorDivide(leafCents[leaf], unit);
      fixed[leaf] = Math.floorMod(leafCents[leaf], unit) == 0;
      leafOf[figure] = leaf + 1;
      return leaf;
    }

    boolean isLeaf(int figure) {
      return links.start()[figure] == links.start()[figure + 1];
    }

    private Expansion expand(int figure) {
      if (isLeaf(figure)) {
        int leaf = leaf(figure);
        return fixed[leaf] ? new Expansion(NONE, NONE, 0, floorOf[leaf], 0) : new Expansion(new int[] {leaf}, ONE, 0, floorOf[leaf], 1);
      }
      Expansion e = done[figure];
      if (e != null) {
        return e;
      }
      if (open[figure]) {
        throw new IllegalStateException("figure definitions nest too deep at " + graph.figure(figure).id());
      }
      open[figure] = true;
      int from = links.start()[figure];
      int to = links.start()[figure + 1];
      int[] termFigure = links.figure();
      // a term that is a leaf adds its leaf with the term's sign; a term that is a sum adds its expansion
      Expansion[] parts = new Expansion[to - from];
      int height = 0;
      int capacity = 0;
      long offset = 0;
      for (int t = 0; t < parts.length; t++) {
        int term = termFigure[from + t];
        long sign = links.sign()[from + t];
        if (isLeaf(term)) {
          int leaf = leaf(term);
          height = Math.max(height, 1);
          capacity += fixed[leaf] ? 0 : 1;
          offset = Math.addExact(offset, Math.multiplyExact(floorOf[leaf], sign));
        } else {
          parts[t] = expand(term);
          height = Math.max(height, parts[t].height + 1);
          capacity += parts[t].leaves.length;
          offset = Math.addExact(offset, Math.multiplyExact(parts[t].offset, sign));
        }
      }
      open[figure] = false;
      int[] leaves = new int[capacity];
      int size = 0;
      for (int t = 0; t < parts.length; t++) {
        long sign = links.sign()[from + t];
        Expansion part = parts[t];
        if (part == null) {
          int leaf = leafOf[termFigure[from + t]] - 1;
          if (!fixed[leaf]) {
            size = put(leaves, size, leaf, sign);
          }
        } else {
          for (int k = 0; k < part.leaves.length; k++) {
            size = put(leaves, size, part.leaves[k], part.coefs[k] * sign);
          }
        }
      }
      e = collect(leaves, size, height, offset);
      done[figure] = e;
      return e;
    }

    /** {@code a - b}, in the order of {@code a}'s leaves, then {@code b}'s not in {@code a}. */
    Expansion difference(Expansion a, Expansion b) {
      int[] leaves = new int[a.leaves.length + b.leaves.length];
      int size = 0;
      for (int k = 0; k < a.leaves.length; k++) {
        size = put(leaves, size, a.leaves[k], a.coefs[k]);
      }
      for (int k = 0; k < b.leaves.length; k++) {
        size = put(leaves, size, b.leaves[k], -(long) b.coefs[k]);
      }
      return collect(leaves, size, Math.max(a.height, b.height), Math.subtractExact(a.offset, b.offset));
    }

    /** Adds {@code coef} to a leaf's coefficient in the expansion being made, the leaf listed when first met. */
    private int put(int[] leaves, int size, int leaf, long coef) {
      if (!seen[leaf]) {
        seen[leaf] = true;
        scratch[leaf] = 0;
        leaves[size++] = leaf;
      }
      scratch[leaf] = Math.addExact(scratch[leaf], coef);
      return size;
    }

    /** The expansion of the leaves put, with their coefficients; clears them for the next. */
    private Expansion collect(int[] leaves, int size, int height, long offset) {
      int[] coefs = new int[size];
      int kept = 0;
      for (int k = 0; k < size; k++) {
        int leaf = leaves[k];
        coefs[k] = Math.toIntExact(scratch[leaf]);
        seen[leaf] = false;
        if (coefs[k] != 0) {
          kept++;
        }
      }
      return new Expansion(size == leaves.length ? leaves : java.util.Arrays.copyOf(leaves, size), coefs, height, offset, kept);
    }
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
    final Limits limits;
    long remaining;

    Steps(Limits limits) {
      this.limits = limits;
      this.remaining = limits.document();
    }

    /** The steps the next group may take. */
    long limit() {
      return Math.max(limits.last(), Math.min(limits.group(), remaining));
    }
  }

  private static final class Constraint {
    /** Leaf numbers, until its group is made; then places in the group ({@link Group#of}, decision 274). */
    int[] vars;
    int[] coefs;
    long offset;
    Print atLo = Print.FREE;
    Print atHi = Print.FREE;
    long lo;
    long hi;
    Label label;
  }

  /** What a constraint is about, in the notes: a total's id, or the ids of two figures that must be equal. */
  private record Label(FigureGraph graph, int figure, int other) {
    String text() {
      String id = graph.id(figure);
      return other < 0 ? id : id + " = " + graph.id(other);
    }
  }
}
