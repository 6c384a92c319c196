package nl.begroot.format;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * From text to a YAML node tree with the place of every node, within limits that keep a hostile or
 * mistaken file from exhausting memory: at most {@link #MAX_CHARS} characters, lists and mappings
 * nested at most {@link #MAX_DEPTH} deep, at most {@link #MAX_COLLECTION_ALIASES} aliases of a list
 * or mapping (a "billion laughs" alias bomb), no single text (scalar) longer than
 * {@link #MAX_TEXT_CHARS}. The limits are checked on the parser's events, each before the node it
 * starts is built ({@link Limited}: the one parse the composer reads, decision 239), and reported at the
 * line and column where they are crossed.
 *
 * <p>Time is bounded too (decision 213): SnakeYAML Engine's scanner looks ahead over a run of
 * characters without a space or line break (one long word, a long line of a block text, a comment,
 * a run of spaces in quotes, an anchor or tag) before it takes them, and each time its read buffer
 * (1 Ki characters by default) runs out it copies all it holds: quadratic in the run's length (one
 * word of 4 MB took 4,5 to 11 s, of 8 MB 19 s; 30 MB would take minutes). The read buffer here is {@link #READ_BUFFER} characters
 * (or the text's length, when shorter), so a run of the longest text a file may hold costs a few
 * dozen copies of the buffer.
 */
final class YamlText {
  /** Longest text read: the one limit on a budget's text ({@link nl.begroot.core.model.BudgetSize#MAX_CHARS}; the IPO budget has about 100 thousand). */
  static final int MAX_CHARS = nl.begroot.core.model.BudgetSize.MAX_CHARS;
  /** Deepest nesting of lists and mappings; a budget file needs 7. */
  static final int MAX_DEPTH = 64;
  /** Longest single text (scalar): {@link nl.begroot.core.model.BudgetSize#MAX_TEXT_CHARS}. */
  static final int MAX_TEXT_CHARS = nl.begroot.core.model.BudgetSize.MAX_TEXT_CHARS;
  /** Characters the scanner reads at a time (SnakeYAML's default is 1 Ki); see the class comment. */
  static final int READ_BUFFER = 1024 * 1024;
  /** Most aliases (*name) of lists or mappings; a budget file needs none. */
  static final int MAX_COLLECTION_ALIASES = 50;

  private YamlText() {}

  /** The root node; null (and a problem) when the text is not a YAML document within the limits, or is empty. */
  static Node compose(String file, String text, List<Problem> problems) {
    if (text.length() > MAX_CHARS) {
      problems.add(new Problem(file, 1, 1, "the text has " + text.length() + " characters; Begroot reads budget files of up to "
          + nl.begroot.core.model.BudgetSize.limit() + "; see docs/format.md"));
      return null;
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel(file)
        .setAllowDuplicateKeys(true) // reported by us, with the place
        .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
        .setCodePointLimit(MAX_CHARS)
        .setBufferSize(Math.min(text.length() + 1, READ_BUFFER))
        // every scalar a text: the reader reads values, never YAML's implicit types (null, bool, int), so the
        // composer need not try each plain scalar against the core schema's patterns (decision 239)
        .setSchema(new org.snakeyaml.engine.v2.schema.FailsafeSchema())
        .build();
    try {
      Limited events = new Limited(file, new ParserImpl(settings, new StreamReader(settings, text)));
      Node root = new Composer(settings, events).getSingleNode().orElse(null);
      if (root == null) {
        problems.add(new Problem(file, 1, 1, "the file is empty"));
      }
      return root;
    } catch (OverLimit over) {
      problems.add(over.problem);
      return null;
    } catch (MarkedYamlEngineException e) {
      var mark = e.getProblemMark();
      int line = mark.map(m -> m.getLine() + 1).orElse(1);
      int[] quote = unclosedQuote(text, line);
      if (quote != null) {
        problems.add(new Problem(file, quote[0], quote[1], "not valid YAML: the quote opened here is not closed on this line"));
      } else {
        problems.add(new Problem(file, line, mark.map(m -> m.getColumn() + 1).orElse(1), "not valid YAML: "
            + (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem()));
      }
      return null;
    } catch (StackOverflowError deep) {
      problems.add(new Problem(file, 1, 1, "not valid YAML for a budget: lists or mappings are nested too deeply"));
      return null;
    } catch (YamlEngineException e) {
      problems.add(new Problem(file, 1, 1, "not valid YAML: " + e.getMessage()));
      return null;
    }
  }

  /** A limit crossed, where: thrown from {@link Limited} through the composer, caught in {@link #compose}. */
  private static final class OverLimit extends RuntimeException {
    private final transient Problem problem;

    OverLimit(Problem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  /**
   * The parser's events as the composer takes them, each checked before it is handed on: nesting depth,
   * aliases of collections and the length of each text. The composer builds a node only from events
   * handed on, so no node is built past a crossed limit; the text is parsed once.
   */
  private static final class Limited implements Parser {
    private final String file;
    private final Parser parser;
    private final Set<String> collectionAnchors = new HashSet<>();
    private int depth;
    private int aliases;

    Limited(String file, Parser parser) {
      this.file = file;
      this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
      return parser.hasNext();
    }

    @Override
    public Event next() {
      Event event = parser.next();
      if (event instanceof CollectionStartEvent start) {
        depth++;
        start.getAnchor().ifPresent(a -> collectionAnchors.add(a.getValue()));
        if (depth > MAX_DEPTH) {
          throw new OverLimit(at(file, event.getStartMark(), "lists or mappings are nested more than " + MAX_DEPTH
              + " deep here; a budget file needs no more than 7 levels"));
        }
      } else if (event instanceof ScalarEvent scalar && scalar.getValue().length() > MAX_TEXT_CHARS) {
        throw new OverLimit(at(file, event.getStartMark(), "a text of " + scalar.getValue().length() + " characters starts here; a text"
            + " (a title, narrative or other value) in a budget file has at most " + MAX_TEXT_CHARS + " characters; see docs/format.md"));
      } else if (event.getEventId() == Event.ID.SequenceEnd || event.getEventId() == Event.ID.MappingEnd) {
        depth--;
      } else if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAlias().getValue())
          && ++aliases > MAX_COLLECTION_ALIASES) {
        throw new OverLimit(at(file, event.getStartMark(), "more than " + MAX_COLLECTION_ALIASES
            + " aliases (*" + alias.getAlias().getValue() + ") repeat a list or mapping; Begroot refuses such a file, which could"
            + " expand to more data than fits in memory (a YAML alias bomb); write the data out instead"));
      }
      return event;
    }
  }

  private static Problem at(String file, Optional<Mark> mark, String message) {
    return new Problem(file, mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1), message);
  }

  /**
   * The first line up to {@code lastLine} whose double quotes do not pair up (outside comments and
   * single-quoted text), as line and column of its last opening quote; null when there is none.
   */
  static int[] unclosedQuote(String text, int lastLine) {
    String[] lines = text.split("\n", -1);
    for (int l = 0; l < Math.min(lastLine, lines.length); l++) {
      String line = lines[l];
      boolean inDouble = false;
      boolean inSingle = false;
      int opened = -1;
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (inDouble && ch == '\\') {
          c++;
        } else if (ch == '"' && !inSingle) {
          inDouble = !inDouble;
          opened = c;
        } else if (ch == '\'' && !inDouble) {
          inSingle = !inSingle;
        } else if (ch == '#' && !inDouble && !inSingle && (c == 0 || line.charAt(c - 1) == ' ')) {
          break;
        }
      }
      if (inDouble) {
        return new int[] {l + 1, opened + 1};
      }
    }
    return null;
  }
}
