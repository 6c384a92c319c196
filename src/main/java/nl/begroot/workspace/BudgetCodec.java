package nl.begroot.workspace;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.format.BudgetReader;
import nl.begroot.format.BudgetWriter;
import nl.begroot.format.LoadResult;

/**
 * A version's content as stored: the base (the budget file without its proposals) and one text per
 * proposal, each in the core's file format. Splitting a written file and splicing the parts back
 * gives the same file, so storage is lossless; loading always goes through the core's reader.
 */
final class BudgetCodec {
  private static final String KEY = "proposals:";

  private BudgetCodec() {}

  /** The stored parts of a budget. */
  record Parts(String base, List<String> proposals) {}

  static Parts split(Budget budget) {
    return split(BudgetWriter.write(budget));
  }

  static Parts split(String file) {
    String[] lines = file.split("\n", -1);
    StringBuilder base = new StringBuilder();
    List<String> items = new ArrayList<>();
    StringBuilder item = null;
    boolean inProposals = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i == lines.length - 1 && line.isEmpty()) {
        break; // the newline at the end of the file
      }
      boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.charAt(0) != '-' && line.charAt(0) != '#';
      if (topLevel) {
        inProposals = line.startsWith(KEY);
        if (inProposals) {
          continue;
        }
      }
      if (!inProposals) {
        base.append(line).append('\n');
        continue;
      }
      String trimmed = line.stripLeading();
      if (trimmed.startsWith("- ") && (item == null || indent(line) <= indent(item.toString()))) {
        if (item != null) {
          items.add(item.toString());
        }
        item = new StringBuilder();
      }
      if (item == null) {
        item = new StringBuilder(); // e.g. "proposals: []" has no items; nothing to keep
        continue;
      }
      item.append(line).append('\n');
    }
    if (item != null && !item.isEmpty()) {
      items.add(item.toString());
    }
    return new Parts(base.toString(), items);
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /**
   * The base to store for {@code budget} in a version whose proposals are {@code rows}: its
   * {@code withdrawn:} list keeps only ids that have no row (listed by an imported file), since a
   * withdrawn row says so itself and a base that also listed it could not be read once the row is
   * reinstated.
   */
  static String base(Budget budget, List<nl.begroot.store.StoredProposal> rows) {
    java.util.Set<String> stored = new java.util.HashSet<>();
    rows.forEach(r -> stored.add(r.proposalId()));
    List<String> unstored = budget.withdrawn().stream().filter(id -> !stored.contains(id)).toList();
    return split(budget.withWithdrawn(unstored)).base();
  }

  /** The text of one proposal as the writer writes it in a file. */
  static String proposal(Budget budget, Proposal proposal) {
    Budget one = budget.withProposals(List.of(proposal)).withTransfers(List.of()).withPrinted(null);
    List<String> items = split(BudgetWriter.write(one)).proposals();
    if (items.size() != 1) {
      throw new IllegalStateException("the writer wrote " + items.size() + " items for one proposal");
    }
    return items.get(0);
  }

  static String join(String base, List<String> proposals) {
    StringBuilder file = new StringBuilder(base.length() + proposals.size() * 600);
    file.append(base);
    if (proposals.isEmpty()) {
      file.append(KEY).append(" []\n");
    } else {
      file.append(KEY).append('\n');
      proposals.forEach(file::append);
    }
    return file.toString();
  }

  static LoadResult read(String name, String base, List<String> proposals) {
    return BudgetReader.read(name, join(base, proposals));
  }

  /**
   * The same, with the ids of the version's withdrawn proposals: they join those the base already
   * lists (a file imported with a {@code withdrawn:} list keeps it), so that a narrative that quotes
   * one shows its amount as lapsed instead of failing to read.
   */
  static LoadResult read(String name, String base, List<String> proposals, List<String> withdrawn) {
    if (withdrawn.isEmpty()) {
      return read(name, base, proposals);
    }
    return BudgetReader.read(name, join(withWithdrawn(base, withdrawn), proposals));
  }

  /**
   * A stored version's budget from its rows, in their stored order: the base, the active proposals'
   * texts, and the ids of the withdrawn ones (so that a narrative quoting one reads as lapsed). The
   * one place that turns rows into a budget: a snapshot and a write's state read the same way.
   */
  static LoadResult readRows(String name, String base, List<nl.begroot.store.StoredProposal> rows) {
    List<String> active = rows.stream().filter(r -> !r.withdrawn()).map(nl.begroot.store.StoredProposal::bodyYaml).toList();
    List<String> withdrawn = rows.stream().filter(nl.begroot.store.StoredProposal::withdrawn)
        .map(nl.begroot.store.StoredProposal::proposalId).toList();
    return read(name, base, active, withdrawn);
  }

  /** Most proposals read one by one into a known budget ({@link #readChanged}); more are read with the whole file. */
  static final int MAX_CHANGED = 16;

  /**
   * A budget read from rows, one by one where they differ from rows read before (decision 240): when {@code base} is
   * {@code knownBase} and the rows are {@code knownRows} with the same ids and withdrawals in the same order, some
   * texts changed and some rows added at the end (together at most {@link #MAX_CHANGED}), it is {@code known} (the
   * budget those rows made) with each changed or added proposal read from its text ({@link BudgetReader#proposal}): the
   * proposal the whole file holds, since the reader reads each item on its own. Empty when anything else differs or a
   * text does not read on its own; the caller then reads every row ({@link #readRows}), and checks the budget as that
   * does.
   */
  static java.util.Optional<Changed> readChanged(String name, String base, List<nl.begroot.store.StoredProposal> rows, String knownBase,
      List<nl.begroot.store.StoredProposal> knownRows, Budget known) {
    if (!base.equals(knownBase) || rows.size() < knownRows.size() || rows.size() - knownRows.size() > MAX_CHANGED) {
      return java.util.Optional.empty();
    }
    List<Proposal> proposals = new ArrayList<>(known.proposals());
    int active = 0; // the proposal's position in the budget: withdrawn rows are not in it
    int changed = 0;
    Pipeline.Edit edit = null;
    for (int i = 0; i < rows.size(); i++) {
      nl.begroot.store.StoredProposal row = rows.get(i);
      nl.begroot.store.StoredProposal was = i < knownRows.size() ? knownRows.get(i) : null;
      if (was != null && (!was.proposalId().equals(row.proposalId()) || was.withdrawn() != row.withdrawn())) {
        return java.util.Optional.empty(); // moved, withdrawn or reinstated: the whole file
      }
      if (row.withdrawn()) {
        if (was == null) {
          return java.util.Optional.empty();
        }
        continue;
      }
      if (was == null || !was.bodyYaml().equals(row.bodyYaml())) {
        if (++changed > MAX_CHANGED) {
          return java.util.Optional.empty();
        }
        java.util.Optional<Proposal> p = BudgetReader.proposal(name, row.bodyYaml(), known.version().years());
        if (p.isEmpty() || !p.get().id().equals(row.proposalId())) {
          return java.util.Optional.empty();
        }
        if (was == null) {
          proposals.add(p.get());
          edit = new Pipeline.Edit(known, Pipeline.Edit.Kind.ADDED, active);
        } else {
          proposals.set(active, p.get());
          edit = new Pipeline.Edit(known, Pipeline.Edit.Kind.CHANGED, active);
        }
      }
      active++;
    }
    if (active != proposals.size()) {
      return java.util.Optional.empty(); // the known budget is not these rows' (cannot happen for a budget read from them)
    }
    return java.util.Optional.of(new Changed(known.withProposals(proposals), changed == 1 ? edit : null, changed));
  }

  /** A budget read by {@link #readChanged}: the edit that made it from the known one when it is one proposal, and how many were read. */
  record Changed(Budget budget, Pipeline.Edit edit, int read) {}

  /** The base with its top-level {@code withdrawn:} list (block or flow style) replaced by that list and these ids. */
  static String withWithdrawn(String base, List<String> ids) {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
    StringBuilder rest = new StringBuilder();
    boolean inList = false;
    for (String line : base.split("\n", -1)) {
      boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.charAt(0) != '-' && line.charAt(0) != '#';
      if (topLevel) {
        inList = line.startsWith("withdrawn:");
        if (inList) {
          String flow = line.substring("withdrawn:".length()).strip();
          if (flow.startsWith("[") && flow.endsWith("]")) {
            for (String id : flow.substring(1, flow.length() - 1).split(",")) {
              if (!id.isBlank()) {
                all.add(unquote(id.strip()));
              }
            }
          }
          continue;
        }
      }
      if (inList) {
        String item = line.strip();
        if (item.startsWith("- ")) {
          all.add(unquote(item.substring(2).strip()));
        }
        continue;
      }
      rest.append(line).append('\n');
    }
    String text = rest.toString();
    text = text.endsWith("\n\n") ? text.substring(0, text.length() - 1) : text;
    all.addAll(ids);
    StringBuilder list = new StringBuilder("withdrawn:\n");
    for (String id : all) {
      list.append("  - \"").append(id.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
    }
    return text + list;
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return s;
  }
}
