package nl.begroot.core.rounding;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import nl.begroot.core.figures.FigureGraph;

/**
 * The printed value of some figures of a document, by figure number (decision 257), read as an
 * unmodifiable map from figure id to value. A million printed figures are three arrays here (a mark and a
 * value by number, as long as the graph, and the printed order), where a map of their ids cost a fifth of the
 * rounding's time to fill and copy.
 */
final class FigureValues extends AbstractMap<String, Long> {
  private final FigureGraph graph;
  private final boolean[] has;
  private final long[] values;
  private final int[] order;
  private final int size;

  /** {@code order[0..size)}: the figures that have a value, in the order iterated; {@code values} by number. */
  FigureValues(FigureGraph graph, boolean[] has, long[] values, int[] order, int size) {
    this.graph = graph;
    this.has = has;
    this.values = values;
    this.order = order;
    this.size = size;
  }

  private int numberOf(Object key) {
    if (!(key instanceof String id)) {
      return -1;
    }
    int number = graph.indexOf(id);
    return number >= 0 && number < has.length && has[number] ? number : -1;
  }

  @Override
  public Long get(Object key) {
    int number = numberOf(key);
    return number < 0 ? null : values[number];
  }

  @Override
  public boolean containsKey(Object key) {
    return numberOf(key) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Map.Entry<String, Long>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Long>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, Long> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int number = order[next++];
            return new AbstractMap.SimpleImmutableEntry<>(graph.id(number), values[number]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
