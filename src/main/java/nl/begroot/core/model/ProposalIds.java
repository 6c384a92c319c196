package nl.begroot.core.model;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The proposals of one list by id: each id's position (the first, should the list repeat an id), in one
 * {@code int[]} of open addressing over the list (decision 250): 8 to 16 bytes a line, where a map by id
 * takes about 100 (its entries, boxed positions and, since a line holds its id in a shared array, the ids' strings).
 * Look-ups compare against the lines' ids in place ({@link Proposal#hasId}, {@link Proposal#idHash}). Lines are
 * added by position, all at once ({@link #of}) or one by one as a validator reads them; not safe for concurrent
 * adding (a finished index may be read by any number of threads).
 */
public final class ProposalIds {
  private final List<Proposal> proposals;
  /** Position + 1 of the line whose id hashes here (linear probing), 0 for an empty slot; at most half full. */
  private int[] slots;
  private int size;

  /** An empty index over {@code proposals} (lines not yet added), with room for {@code expected} ids before it grows. */
  public ProposalIds(List<Proposal> proposals, int expected) {
    this.proposals = proposals;
    this.slots = new int[Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1];
  }

  /** Every line of {@code proposals} added in order (a repeated id keeps its first position). */
  public static ProposalIds of(List<Proposal> proposals) {
    ProposalIds ids = new ProposalIds(proposals, proposals.size());
    for (int i = 0; i < proposals.size(); i++) {
      ids.addIfAbsent(i);
    }
    return ids;
  }

  /**
   * Adds the line at {@code position} by its id unless a line with that id is in already: -1 when added (or
   * the line has no id), else the position of the line already in.
   */
  public int addIfAbsent(int position) {
    Proposal p = proposals.get(position);
    if (p.noId()) {
      return -1;
    }
    int mask = slots.length - 1;
    for (int s = spread(p.idHash()) & mask; ; s = (s + 1) & mask) {
      int at = slots[s] - 1;
      if (at < 0) {
        slots[s] = position + 1;
        if (++size * 2 > slots.length) {
          grow();
        }
        return -1;
      }
      if (at == position) {
        return -1;
      }
      if (proposals.get(at).sameId(p)) {
        return at;
      }
    }
  }

  /** Twice the slots, every line in again. */
  private void grow() {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length - 1;
    for (int entry : old) {
      if (entry != 0) {
        int s = spread(proposals.get(entry - 1).idHash()) & mask;
        while (slots[s] != 0) {
          s = (s + 1) & mask;
        }
        slots[s] = entry;
      }
    }
  }

  /** The position of the line with this id (the first added), or -1. */
  public int indexOf(String id) {
    if (id == null) {
      return -1;
    }
    int mask = slots.length - 1;
    for (int s = spread(id.hashCode()) & mask; ; s = (s + 1) & mask) {
      int at = slots[s] - 1;
      if (at < 0) {
        return -1;
      }
      if (proposals.get(at).hasId(id)) {
        return at;
      }
    }
  }

  /** How many distinct ids have been added. */
  public int size() {
    return size;
  }

  /** The ids added, as a set: {@code contains} looks up, iteration makes each id's string. */
  public Set<String> ids() {
    return new AbstractSet<>() {
      @Override
      public boolean contains(Object o) {
        return o instanceof String id && indexOf(id) >= 0;
      }

      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<String> iterator() {
        return new Iterator<>() {
          private int s = next(0);

          private int next(int from) {
            int k = from;
            while (k < slots.length && slots[k] == 0) {
              k++;
            }
            return k;
          }

          @Override
          public boolean hasNext() {
            return s < slots.length;
          }

          @Override
          public String next() {
            if (s >= slots.length) {
              throw new NoSuchElementException();
            }
            String id = proposals.get(slots[s] - 1).id();
            s = next(s + 1);
            return id;
          }
        };
      }
    };
  }

  /** The hash's high bits into the low ones (ids that differ only at the end stay apart in a small table). */
  private static int spread(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
