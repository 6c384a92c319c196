package nl.begroot.core.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;

/**
 * Which annex column each proposal belongs to: the most specific match wins (a column naming the
 * proposal, then its unit, then its programme). Proposals of an overhead programme are spread by
 * the programme's shares instead; the balancing line belongs to no column.
 */
public final class AnnexLayout {
  /** Column index for proposals that are spread as overhead. */
  public static final int OVERHEAD = -1;
  /** Column index for the balancing line, which is the annex's total. */
  public static final int BALANCING = -2;
  /** Column index for a proposal that no column claims (a validation error). */
  public static final int NONE = -3;

  private AnnexLayout() {}

  /** For each proposal, the index of its leaf column, or one of the negative markers. */
  public static int[] columnOfProposals(Budget budget) {
    Resolver resolver = new Resolver(budget);
    List<Proposal> proposals = budget.proposals();
    int[] result = new int[proposals.size()];
    for (int i = 0; i < proposals.size(); i++) {
      result[i] = resolver.column(proposals.get(i), resolver.unit(proposals.get(i)));
    }
    return result;
  }

  /**
   * Resolves units and columns with one lookup per proposal: built once per budget, it knows for
   * each unit its programme and the column that claims it (by unit, else by programme), and the few
   * proposals that a column names itself.
   */
  public static final class Resolver {
    private final Map<String, Integer> unitIndex = new HashMap<>();
    private final int[] unitProgramme;
    private final int[] unitColumn;
    private final boolean[] unitOverhead;
    private final Map<String, Integer> byProposal = new HashMap<>();

    public Resolver(Budget budget) {
      List<Annex.Column> columns = budget.annex().columns();
      Map<String, Integer> byUnit = new HashMap<>();
      Map<String, Integer> byProgramme = new HashMap<>();
      for (int c = columns.size() - 1; c >= 0; c--) { // the first listed column wins
        Annex.Column column = columns.get(c);
        if (column.isSum()) {
          continue;
        }
        final int index = c;
        column.proposals().forEach(id -> byProposal.put(id, index));
        column.units().forEach(id -> byUnit.put(id, index));
        column.programmes().forEach(id -> byProgramme.put(id, index));
      }
      List<Integer> programme = new ArrayList<>();
      List<Integer> column = new ArrayList<>();
      List<Boolean> overhead = new ArrayList<>();
      List<Programme> programmes = budget.programmes();
      for (int p = 0; p < programmes.size(); p++) {
        for (var unit : programmes.get(p).units()) {
          unitIndex.put(unit.id(), programme.size());
          programme.add(p);
          Integer c = byUnit.getOrDefault(unit.id(), byProgramme.get(programmes.get(p).id()));
          column.add(c == null ? NONE : c);
          overhead.add(programmes.get(p).overheadView());
        }
      }
      unitProgramme = programme.stream().mapToInt(Integer::intValue).toArray();
      unitColumn = column.stream().mapToInt(Integer::intValue).toArray();
      unitOverhead = new boolean[overhead.size()];
      for (int u = 0; u < unitOverhead.length; u++) {
        unitOverhead[u] = overhead.get(u);
      }
    }

    /** The index of a proposal's (first) unit. */
    public int unit(Proposal p) {
      return unitIndex.get(p.unit());
    }

    /** The index of the programme that holds a unit. */
    public int programme(int unit) {
      return unitProgramme[unit];
    }

    /** The leaf column of a proposal of the given unit, or a negative marker. */
    public int column(Proposal p, int unit) {
      if (p.rule() == Proposal.Rule.BALANCING) {
        return BALANCING;
      }
      if (unitOverhead[unit]) {
        return OVERHEAD;
      }
      if (!byProposal.isEmpty()) {
        Integer own = byProposal.get(p.id());
        if (own != null) {
          return own;
        }
      }
      return unitColumn[unit];
    }
  }

  /** Index of a column by id, or -1. */
  public static int columnIndex(Annex annex, String id) {
    for (int c = 0; c < annex.columns().size(); c++) {
      if (annex.columns().get(c).id().equals(id)) {
        return c;
      }
    }
    return -1;
  }

  /** Leaf columns that a column totals, recursively (a leaf totals itself). */
  public static List<Integer> leavesOf(Annex annex, int column) {
    List<Integer> leaves = new ArrayList<>();
    collectLeaves(annex, column, leaves, 0);
    return leaves;
  }

  private static void collectLeaves(Annex annex, int column, List<Integer> into, int depth) {
    if (depth > annex.columns().size()) {
      throw new IllegalArgumentException("annex columns total each other in a cycle");
    }
    Annex.Column col = annex.columns().get(column);
    if (!col.isSum()) {
      into.add(column);
      return;
    }
    for (String id : col.sumOf()) {
      collectLeaves(annex, columnIndex(annex, id), into, depth + 1);
    }
  }

  /** Integer weights of an overhead programme's spread over the annex columns (by column index). */
  public static BigInteger[] spreadWeights(Annex annex, Programme overhead) {
    Map<String, BigDecimal> spread = overhead.spread();
    int scale = spread.values().stream().mapToInt(BigDecimal::scale).max().orElse(0);
    BigInteger[] weights = new BigInteger[annex.columns().size()];
    for (int c = 0; c < weights.length; c++) {
      BigDecimal share = spread.getOrDefault(annex.columns().get(c).id(), BigDecimal.ZERO);
      weights[c] = share.setScale(Math.max(scale, 0)).unscaledValue();
    }
    return weights;
  }
}
