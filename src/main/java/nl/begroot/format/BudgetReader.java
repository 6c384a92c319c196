package nl.begroot.format;

import static nl.begroot.format.Yaml.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.PrintedTablesCheck;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Organisation;
import nl.begroot.core.model.Version;
import nl.begroot.core.validate.BudgetValidator;
import nl.begroot.core.validate.ModelPath;
import nl.begroot.core.validate.Violation;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a budget file (format {@code begroot/1}, YAML; see docs/format.md) into a {@link Budget}.
 * Every problem is reported with file, line and column; the budget is only returned when there are
 * none. Amounts are parsed from the text as written, never through a floating-point number.
 *
 * <p>The work is split in rooms: {@link YamlText} turns text into nodes within limits; {@link Yaml}
 * reads nodes with their places; the sections ({@link HeaderSection}, {@link ProgrammeSection},
 * {@link ProposalSection}, {@link AnnexSection}) read each part into the model, reporting only what
 * is wrong with the text (syntax and types); the core's {@link BudgetValidator} decides what is a
 * valid budget, and {@link Places} turns each of its model paths back into a line and column.
 */
public final class BudgetReader {
  public static final String FORMAT = "begroot/1";

  private BudgetReader() {}

  public static LoadResult read(String file, String text) {
    List<Problem> problems = new ArrayList<>();
    Node root = YamlText.compose(file, text, problems);
    if (root == null) {
      return new LoadResult.Rejected(problems);
    }
    Places places = new Places(file);
    Yaml yaml = new Yaml(file, problems, places);
    Reading reading = new Reading(yaml);
    HeaderSection header = new HeaderSection(reading);
    ProgrammeSection programmes = new ProgrammeSection(reading);
    ProposalSection lines = new ProposalSection(reading);
    AnnexSection annexes = new AnnexSection(reading);

    Map<String, Node> top = yaml.mapping(root, ModelPath.ROOT, "the budget file",
        keys("format", "organisation", "version", "products", "members", "keys", "categories", "third_parties",
            "programmes", "proposals", "transfers", "annex", "glossary", "printed", "withdrawn", "ledger_mapping"),
        keys("format", "organisation", "version", "members", "keys", "programmes", "proposals", "annex"));
    if (top.containsKey("format")) {
      String format = yaml.text(top.get("format"), ModelPath.of("format"), "format");
      if (format != null && !format.equals(FORMAT)) {
        yaml.error(top.get("format"), "format '" + format + "' is not supported; this Begroot reads '" + FORMAT + "'");
      }
    }
    Organisation organisation = top.containsKey("organisation") ? header.organisation(top.get("organisation")) : null;
    Version version = top.containsKey("version") ? header.version(top.get("version")) : null;
    Annex annex = top.containsKey("annex") ? annexes.annex(top.get("annex")) : null;
    Budget budget = new Budget(organisation, version,
        header.products(top.get("products")),
        header.members(top.get("members")),
        header.distributionKeys(top.get("keys")),
        header.categories(top.get("categories")),
        header.thirdParties(top.get("third_parties")),
        programmes.programmes(top.get("programmes")),
        lines.proposals(top.get("proposals")),
        lines.transfers(top.get("transfers")),
        annex,
        header.glossary(top.get("glossary")),
        annexes.printed(top.get("printed")),
        yaml.texts(top.get("withdrawn"), ModelPath.of("withdrawn"), "a withdrawn proposal's id"),
        MappingSection.read(yaml, top.get("ledger_mapping")));
    for (Violation v : BudgetValidator.validate(budget)) {
      Problem p = places.problem(v);
      if (p != null) {
        problems.add(p);
      }
    }
    List<Problem> warnings = new ArrayList<>();
    if (problems.isEmpty()) {
      // computes the document: only for a sound budget
      Document document = document(budget, places, problems);
      if (document != null) {
        for (Violation v : PrintedTablesCheck.check(budget, document)) {
          problems.add(places.problem(v));
        }
        NarrativePlaces.check(file, text, top, document, problems, warnings);
      }
    }
    if (!problems.isEmpty()) {
      Collections.sort(problems);
      return new LoadResult.Rejected(problems);
    }
    Collections.sort(warnings);
    return new LoadResult.Loaded(budget, warnings);
  }

  /**
   * One proposal's text as a file holds it (one item of {@code proposals:}, "- id: ..."), read as {@link #read} reads it
   * within a whole file whose version has {@code years}: each item is read on its own, so this is the proposal that file
   * would hold. For a version read back after a write that changed a few of its proposals (decision 240). Empty when the
   * text is not exactly one proposal read without a problem: the caller then reads the whole file, which says where and
   * what.
   */
  public static java.util.Optional<nl.begroot.core.model.Proposal> proposal(String file, String item, List<Integer> years) {
    List<Problem> problems = new ArrayList<>();
    Node root = YamlText.compose(file, item, problems);
    if (root == null) {
      return java.util.Optional.empty();
    }
    Reading reading = new Reading(new Yaml(file, problems, new Places(file)));
    reading.years = List.copyOf(years);
    List<nl.begroot.core.model.Proposal> read = new ProposalSection(reading).proposals(root);
    return problems.isEmpty() && read.size() == 1 ? java.util.Optional.of(read.get(0)) : java.util.Optional.empty();
  }

  /** The computed document of a valid budget; null (and a problem) when its amounts cannot be added up exactly. */
  private static Document document(Budget budget, Places places, List<Problem> problems) {
    try {
      return nl.begroot.core.pipeline.Pipeline.compute(budget).document(); // kept: whoever computes this budget next gets it
    } catch (ArithmeticException overflow) {
      problems.add(places.problem(new Violation(ModelPath.ROOT, "the amounts are too large to add up exactly in cents")));
      return null;
    }
  }
}
