package nl.begroot.core.explain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureGraph;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Member;
import nl.begroot.core.rounding.PrintedFigures;

/** Explains any figure of a document down to the frame values and proposals it comes from. */
public final class Explainer {
  private final Document document;
  private final PrintedFigures printed;

  public Explainer(Document document, PrintedFigures printed) {
    this.document = document;
    this.printed = printed;
  }

  /**
   * Finds a figure by its id ({@code table/row/column}), case-insensitive; a member may be named by
   * its name instead of its id (e.g. {@code bijlage-1-2027/Gelderland/total}), and "NAME YEAR"
   * names the member's total change in that year's annex (e.g. {@code Gelderland 2027}).
   */
  public Optional<Figure> resolve(String reference) {
    String ref = reference.trim();
    Optional<Figure> exact = document.graph().find(ref);
    if (exact.isPresent()) {
      return exact;
    }
    String[] parts = ref.split("/");
    for (int i = 0; i < parts.length; i++) {
      for (Member m : document.computation().budget().members()) {
        if (m.name().equalsIgnoreCase(parts[i]) || m.id().equalsIgnoreCase(parts[i])) {
          parts[i] = m.id();
        }
      }
    }
    String normalised = String.join("/", parts);
    // a table cell that shows a figure of another table, e.g. tabel-1/change.lasten.2/2027
    if (parts.length == 3) {
      for (Table table : document.tables()) {
        if (!table.id().equalsIgnoreCase(parts[0])) {
          continue;
        }
        for (Table.Row row : table.rows()) {
          int c = table.columnIndex(parts[2]);
          if (row.id().equalsIgnoreCase(parts[1]) && c >= 0 && row.cells().get(c).figureId() != null) {
            return document.graph().find(row.cells().get(c).figureId());
          }
        }
      }
    }
    FigureGraph graph = document.graph(); // by the ids alone: a line's figure is made only for the one found (decision 267)
    for (int n = 0; n < graph.size(); n++) {
      if (graph.id(n).equalsIgnoreCase(normalised)) {
        return Optional.of(graph.figure(n));
      }
    }
    // "Gelderland 2027": a member's total change in the annex of that year
    String[] words = ref.split("\\s+");
    if (words.length >= 2 && words[words.length - 1].matches("\\d{4}")) {
      String name = String.join(" ", java.util.Arrays.copyOf(words, words.length - 1));
      for (Member m : document.computation().budget().members()) {
        if (m.name().equalsIgnoreCase(name) || m.id().equalsIgnoreCase(name)) {
          return FigureIds.memberTotal(document.computation().budget(), Integer.parseInt(words[words.length - 1]), m.id())
              .flatMap(document.graph()::find);
        }
      }
    }
    return Optional.empty();
  }

  /** Ids of figures that contain every word of the reference (for "did you mean"). */
  public List<String> suggestions(String reference, int max) {
    String[] words = reference.toLowerCase(Locale.ROOT).split("[/\\s]+");
    List<String> result = new ArrayList<>();
    for (Table table : document.tables()) {
      for (Table.Row row : table.rows()) {
        for (Table.Cell cell : row.cells()) {
          if (cell.figureId() == null || result.contains(cell.figureId())) {
            continue;
          }
          String hay = (cell.figureId() + " " + row.label()).toLowerCase(Locale.ROOT);
          boolean all = true;
          for (String w : words) {
            all &= hay.contains(w);
          }
          if (all && result.size() < max) {
            result.add(cell.figureId());
          }
        }
      }
    }
    return result;
  }

  public Explanation explain(Figure figure) {
    return explain(figure, 1, 0);
  }

  /**
   * One proposal line's part in a figure: the line's figure and amount, and the weight with which
   * it reaches the figure (the product of the shares on the way, each a division in 34 significant
   * digits, {@link MathContext#DECIMAL128}).
   */
  public record Contribution(String lineFigureId, String proposalId, long lineCents, BigDecimal weight) {
    /** The figure's part of the line in cents: weight times amount, rounded half up to the cent. */
    public long cents() {
      return weight.multiply(BigDecimal.valueOf(lineCents)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
  }

  /**
   * The proposal lines a figure comes from, largest part first (then by id), lines whose part
   * rounds to 0 cents left out: the figure's {@link #explain explanation} walked down to the
   * proposal lines, sums by their signs and shares by the ratio of the share to what was split.
   * The parts add up to the figure up to the rounding of each part to the cent.
   */
  public List<Contribution> contributions(Figure figure) {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    walk(explain(figure), BigDecimal.ONE, weights);
    List<Contribution> result = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
      Contribution c = new Contribution(e.getKey(), e.getKey().split("/")[1], document.graph().get(e.getKey()).cents(), e.getValue());
      if (c.cents() != 0) {
        result.add(c);
      }
    }
    result.sort(Comparator.comparingLong((Contribution c) -> -Math.abs(c.cents())).thenComparing(Contribution::lineFigureId));
    return result;
  }

  private void walk(Explanation e, BigDecimal weight, Map<String, BigDecimal> out) {
    Figure f = e.figure();
    if (isProposalLine(f.id())) {
      out.merge(f.id(), weight, BigDecimal::add);
      return;
    }
    for (Explanation part : e.parts()) {
      walk(part, part.sign() > 0 ? weight : weight.negate(), out);
    }
    if (e.basis() != null && f.origin() instanceof Origin.Share) {
      long of = e.basis().figure().cents();
      if (of != 0) {
        BigDecimal ratio = BigDecimal.valueOf(f.cents()).divide(BigDecimal.valueOf(of), MathContext.DECIMAL128);
        walk(e.basis(), weight.multiply(ratio, MathContext.DECIMAL128), out);
      }
    }
  }

  /** A proposal's line in its programme table ({@code programme-P/PROPOSAL/YEAR}). */
  private boolean isProposalLine(String figureId) {
    return FigureIds.proposalOfLine(figureId).flatMap(document.computation().budget()::proposal).isPresent();
  }

  private Explanation explain(Figure figure, int sign, int depth) {
    var inThousands = printed.value(true, figure.id());
    var inEuros = printed.value(false, figure.id());
    Long shown = inThousands.isPresent() ? Long.valueOf(inThousands.getAsLong())
        : inEuros.isPresent() ? Long.valueOf(inEuros.getAsLong()) : null;
    boolean shownInThousands = inThousands.isPresent() || inEuros.isEmpty();
    List<Explanation> parts = new ArrayList<>();
    if (depth < 40) {
      for (Figure.Term t : figure.terms()) {
        parts.add(explain(document.graph().get(t.figureId()), t.sign(), depth + 1));
      }
    }
    Explanation basis = figure.origin() instanceof Origin.Share share && depth < 40
        ? explain(document.graph().get(share.of()), 1, depth + 1)
        : null;
    return new Explanation(figure, sign, shown, shownInThousands, how(figure), parts, basis);
  }

  private String how(Figure figure) {
    Origin origin = figure.origin();
    var budget = document.computation().budget();
    if (origin instanceof Origin.Sum s) {
      return s.rule();
    } else if (origin instanceof Origin.Frame f) {
      return "kader (frame) of programme " + f.programme() + ", " + f.side() + " " + f.year() + ", as entered";
    } else if (origin instanceof Origin.Entered e) {
      var p = budget.proposal(e.proposal()).orElseThrow();
      String kind = switch (p.amounts().kind(budget.version().yearIndex(e.year()))) {
        case PM -> "pm (not known yet, counts as 0)";
        case BLANK -> "no amount (counts as 0)";
        case AMOUNT -> "as entered";
      };
      return "proposal " + p.id() + " (" + (p.side().name().toLowerCase(Locale.ROOT)) + ", "
          + (p.nature() == nl.begroot.core.model.Nature.ONE_OFF ? "incidenteel" : "structureel")
          + (p.products().isEmpty() ? "" : ", " + String.join("/", p.products())) + "), " + e.year() + ", " + kind;
    } else if (origin instanceof Origin.Component c) {
      return "component " + c.component() + " of proposal " + c.proposal() + ", " + c.year() + ", as entered";
    } else if (origin instanceof Origin.TransferLeg t) {
      return "leg of transfer " + t.transfer() + " on line " + t.line() + ", " + t.year() + ", as entered";
    } else if (origin instanceof Origin.Share s) {
      Figure of = document.graph().get(s.of());
      return "share of " + of.label() + " (€ " + nl.begroot.core.text.Dutch.euros(of.cents()) + ") by " + s.key() + ": "
          + s.sharePercent() + " / " + s.sumPercent() + " of it, split by largest remainder so that the shares add up to the cent";
    }
    return "";
  }
}
