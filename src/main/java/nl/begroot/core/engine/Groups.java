package nl.begroot.core.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;

/**
 * The kinds of line the engine's totals tell apart: side, programme, annex column (or overhead, or
 * none), nature, third-party money, moved to the pass-through budget. Every line of one group adds
 * into the same totals, so the pass over the cells only adds each cell into its group's row
 * ({@code sums[group * years + y]}) and the totals are made from the few group rows afterwards.
 *
 * <p>Append-only: a group once numbered keeps its number; {@link #with} returns a copy when a new
 * combination turns up (an edit), so that a computation's groups never change under it.
 */
final class Groups {
  final int count;
  final byte[] side; // 0 lasten, 1 baten
  final int[] programme;
  final int[] column; // leaf column, or AnnexLayout.OVERHEAD / NONE
  final byte[] nature; // 0 recurring, 1 one-off
  final boolean[] thirdParty;
  final boolean[] passThrough;
  private final Map<Long, Integer> index;

  private Groups(int count, byte[] side, int[] programme, int[] column, byte[] nature, boolean[] thirdParty, boolean[] passThrough,
      Map<Long, Integer> index) {
    this.count = count;
    this.side = side;
    this.programme = programme;
    this.column = column;
    this.nature = nature;
    this.thirdParty = thirdParty;
    this.passThrough = passThrough;
    this.index = index;
  }

  static Groups empty() {
    return new Groups(0, new byte[0], new int[0], new int[0], new byte[0], new boolean[0], new boolean[0], new HashMap<>());
  }

  static long key(Proposal p, int programme, int column, String thirdPartyId) {
    boolean third = thirdPartyId != null && thirdPartyId.equals(p.thirdParty());
    long k = programme;
    k = k * 65_536 + (column + 16);
    k = k * 2 + (p.side() == Side.LASTEN ? 0 : 1);
    k = k * 2 + (p.nature() == Nature.RECURRING ? 0 : 1);
    k = k * 2 + (third ? 1 : 0);
    return k * 2 + (p.passThrough() ? 1 : 0);
  }

  /** The group of a key, or -1 when it has none yet. */
  int find(long key) {
    Integer g = index.get(key);
    return g == null ? -1 : g;
  }

  /** These groups and one more for the key (which must not have one yet). */
  Groups with(long key) {
    int n = count + 1;
    Map<Long, Integer> i = new HashMap<>(index);
    i.put(key, count);
    Groups g = new Groups(n, Arrays.copyOf(side, n), Arrays.copyOf(programme, n), Arrays.copyOf(column, n), Arrays.copyOf(nature, n),
        Arrays.copyOf(thirdParty, n), Arrays.copyOf(passThrough, n), i);
    long k = key;
    g.passThrough[count] = (k & 1) == 1;
    k >>= 1;
    g.thirdParty[count] = (k & 1) == 1;
    k >>= 1;
    g.nature[count] = (byte) (k & 1);
    k >>= 1;
    g.side[count] = (byte) (k & 1);
    k >>= 1;
    g.column[count] = (int) (k % 65_536) - 16;
    g.programme[count] = (int) (k / 65_536);
    return g;
  }

  /** A builder that numbers groups in place (for the full build only, before anyone sees them). */
  static final class Builder {
    private Groups groups = empty();
    private final Map<Long, Integer> seen = new HashMap<>();

    int group(long key) {
      Integer g = seen.get(key);
      if (g != null) {
        return g;
      }
      groups = groups.with(key);
      seen.put(key, groups.count - 1);
      return groups.count - 1;
    }

    Groups build() {
      return groups;
    }
  }
}
