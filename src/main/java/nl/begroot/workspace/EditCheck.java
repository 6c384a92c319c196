package nl.begroot.workspace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Narratives;
import nl.begroot.core.figures.PrintedTablesCheck;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.text.Dutch;
import nl.begroot.core.validate.BudgetValidator;
import nl.begroot.core.validate.ModelPath;
import nl.begroot.core.validate.Violation;

/**
 * The core's verdict on an edited budget, worded for the form the user typed: the edited {@link
 * Budget} is validated by the core ({@link BudgetValidator}, then, for a sound budget, the checks
 * that need its computed document: the printed tables and the narratives), and each problem's
 * {@link ModelPath} is mapped to the field that holds it ({@code proposals[3].amounts.2027} of the
 * edited proposal is the field {@code amount.2027}). The core decides what is wrong; this class only
 * says it in Dutch and English at the right field. A problem elsewhere in the budget (another line,
 * the annex) is a problem of the whole form.
 */
final class EditCheck {
  private EditCheck() {}

  /**
   * One problem of the candidate: where in the model (null for a narrative), the core's message
   * (with where the first one is, for a duplicate), the narrative's place; {@code what} and {@code
   * firstAt} the message's parts.
   */
  private record Found(ModelPath path, String message, Narratives.Place place, String what, ModelPath firstAt) {
    Found(ModelPath path, String message, Narratives.Place place) {
      this(path, message, place, message, null);
    }
  }

  /**
   * Whether {@code candidate} has none of the problems reading its whole file would find: the validator's (by the
   * edit's delta when {@code edit} says how it was made), and when there are none those found in the computed document
   * (printed tables, narrative texts), as {@code BudgetReader} checks them.
   */
  static boolean sound(Budget candidate, Pipeline.Edit edit) {
    return problems(candidate, true, edit).isEmpty();
  }

  /**
   * Every problem of {@code candidate}: the validator's; when it finds none and {@code document} is
   * asked for, also those that need the computed document (computed by the pipeline, which keeps it
   * for whoever asks for this state next: the preview, the page after the save).
   */
  private static List<Found> problems(Budget candidate, boolean document, Pipeline.Edit edit) {
    return problems(candidate, document, edit, null);
  }

  /** As above; the narratives' warnings go to {@code warnings} when given. */
  private static List<Found> problems(Budget candidate, boolean document, Pipeline.Edit edit, List<Found> warnings) {
    List<Found> found = new ArrayList<>();
    // one proposal changed or added: only what it can break is checked again (decision 218); the verdict is validate's
    List<Violation> verdict = edit == null || edit.kind() == Pipeline.Edit.Kind.WITHDRAWN ? BudgetValidator.validate(candidate)
        : BudgetValidator.validateEdit(edit.before(), candidate, edit.index());
    for (Violation v : verdict) {
      found.add(new Found(v.path(), v.message() + (v.firstAt() == null ? "" : " (first at " + v.firstAt() + ")"), null, v.message(),
          v.firstAt()));
    }
    if (!found.isEmpty() || !document) {
      return found;
    }
    nl.begroot.core.pipeline.Computed computed;
    try {
      computed = Pipeline.compute(candidate, edit);
    } catch (ArithmeticException overflow) {
      found.add(new Found(ModelPath.ROOT, "the amounts are too large to add up exactly in cents", null));
      return found;
    }
    if ((candidate.printed() == null || candidate.printed().tables().isEmpty()) && !Narratives.anyText(candidate)) {
      // nothing checked against the figures (no printed tables, no narrative text): the document is not
      // needed for the verdict, and is built when someone shows this state (decision 185)
      return found;
    }
    Document d;
    try {
      d = computed.document();
    } catch (ArithmeticException overflow) {
      found.add(new Found(ModelPath.ROOT, "the amounts are too large to add up exactly in cents", null));
      return found;
    }
    if (candidate.printed() != null) {
      for (Violation v : PrintedTablesCheck.check(candidate, d)) {
        found.add(new Found(v.path(), v.message(), null));
      }
    }
    for (Narratives.Finding f : Narratives.of(d).check()) {
      if (!f.warning()) {
        found.add(new Found(null, f.place().describe() + ": " + f.message(), f.place()));
      } else if (warnings != null) {
        warnings.add(new Found(null, f.place().describe() + ": " + f.message(), f.place()));
      }
    }
    return found;
  }

  /**
   * The problems of a budget in which the proposal at {@code index} was created or changed from a
   * form; {@code formErrors} are the problems found in reading the form (text that is no amount),
   * kept first: a field that has one gets no second message from the core.
   */
  static List<FieldError> proposal(Budget candidate, int index, List<FieldError> formErrors, Pipeline.Edit edit) {
    Set<FieldError> errors = new LinkedHashSet<>(formErrors);
    Set<String> fieldsWithErrors = new java.util.HashSet<>();
    formErrors.forEach(e -> fieldsWithErrors.add(e.field()));
    Proposal p = candidate.proposals().get(index);
    ModelPath at = ModelPath.of("proposals").index(index);
    for (Found f : problems(candidate, formErrors.isEmpty(), edit)) {
      FieldError e;
      if (f.place() != null) {
        boolean own = f.place().kind() == Narratives.Place.Kind.PROPOSAL_EXPLANATION && f.place().id().equals(p.id());
        e = own ? new FieldError("explanation", "Toelichting: " + f.message(), "Explanation: " + f.message()) : whole(f.message());
      } else if (f.path().startsWith(at) && !f.path().equals(at)) {
        e = proposalField(candidate, p, f, stepAfter(f.path(), at));
      } else {
        e = whole(f.message());
      }
      if (!fieldsWithErrors.contains(e.field()) || e.field().equals("form")) {
        errors.add(e);
      }
    }
    return List.copyOf(errors);
  }

  /** The problems of a budget in which the key at {@code index} was changed; {@code formErrors} as for a proposal. */
  static List<FieldError> key(Budget candidate, int index, List<FieldError> formErrors) {
    Set<FieldError> errors = new LinkedHashSet<>(formErrors);
    Set<String> fieldsWithErrors = new java.util.HashSet<>();
    formErrors.forEach(e -> fieldsWithErrors.add(e.field()));
    DistributionKey k = candidate.keys().get(index);
    ModelPath shares = ModelPath.of("keys").index(index).field("shares");
    for (Found f : problems(candidate, formErrors.isEmpty(), null)) {
      FieldError e;
      if (f.path() != null && f.path().parent().equals(shares) && f.path().name() != null) {
        String member = f.path().name();
        String name = candidate.member(member).map(Member::name).orElse(null);
        var value = k.sharesPercent().get(member);
        if (name == null) {
          e = new FieldError("share." + member, "Lid '" + Drafts.shorten(member) + "' bestaat niet.", "Member '" + Drafts.shorten(member) + "' does not exist.");
        } else if (value != null) {
          e = new FieldError("share." + member, name + ": " + Dutch.percent(value) + " is geen percentage tussen 0 en 100.",
              name + ": " + value.toPlainString() + "% is not a percentage between 0 and 100.");
        } else {
          e = new FieldError("share." + member, name + ": vul een aandeel in.", name + ": enter a share.");
        }
      } else if (f.path() != null && f.path().startsWith(shares)) {
        e = new FieldError("shares", "De aandelen kloppen dan niet meer: " + f.message(), "The shares would no longer be valid: " + f.message());
      } else {
        e = whole(f.message());
      }
      if (!fieldsWithErrors.contains(e.field()) || e.field().equals("form")) {
        errors.add(e);
      }
    }
    return List.copyOf(errors);
  }

  /**
   * The problems of a budget whose ledger mapping was replaced from a form; {@code lines} gives each
   * rule's row number on the form. The mapping changes no figure, so only the validator is asked.
   */
  static List<FieldError> mapping(Budget candidate, List<Integer> lines) {
    Set<FieldError> errors = new LinkedHashSet<>();
    ModelPath mapping = ModelPath.of("ledger_mapping");
    for (Found f : problems(candidate, false, null)) {
      if (f.path() == null || !f.path().startsWith(mapping) || f.path().equals(mapping)) {
        errors.add(whole(f.message()));
        continue;
      }
      ModelPath at = stepAfter(f.path(), mapping);
      int i = at.position();
      var rule = candidate.ledgerMapping().get(i);
      int line = lines.get(i);
      String field = f.path().equals(at) ? "account" : f.path().name();
      String dutch = switch (field) {
        case "account" -> f.firstAt() != null
            ? "rekening " + Drafts.shorten(rule.account()) + (rule.costCentre() == null ? "" : " met kostenplaats " + Drafts.shorten(rule.costCentre()))
                + " staat al op regel " + lines.get(stepAfter(f.firstAt(), mapping).position()) + "."
            : "vul een rekening in van ten hoogste 35 tekens, zonder spaties vooraan of achteraan.";
        case "cost_centre" -> "een kostenplaats heeft ten hoogste 35 tekens, zonder spaties vooraan of achteraan.";
        case "unit" -> rule.unit() == null ? "kies een eenheid." : "eenheid '" + Drafts.shorten(rule.unit()) + "' is geen eenheid van een programma.";
        case "third_party" -> rule.money() != nl.begroot.core.model.MoneyKind.THIRD_PARTY ? "alleen geld van derden noemt een derde."
            : rule.thirdParty() == null ? "kies van welke derde het geld is." : "derde '" + Drafts.shorten(rule.thirdParty()) + "' staat niet in de begroting.";
        default -> f.message();
      };
      errors.add(new FieldError(MappingEdits.field(line, field.equals("cost_centre") ? "costCentre" : field.equals("third_party") ? "thirdParty" : field),
          "Regel " + line + ": " + dutch, "Row " + line + ": " + f.what()
              + (f.firstAt() == null ? "" : " (already on row " + lines.get(stepAfter(f.firstAt(), mapping).position()) + ")")));
    }
    return List.copyOf(errors);
  }

  /** The problems of a budget after a proposal is withdrawn: the whole form's, each after {@code nl} or {@code en}. */
  static List<FieldError> budget(Budget candidate, String nl, String en, Pipeline.Edit edit) {
    Set<FieldError> errors = new LinkedHashSet<>();
    for (Found f : problems(candidate, true, edit)) {
      errors.add(new FieldError("form", nl + f.message(), en + f.message()));
    }
    return List.copyOf(errors);
  }

  /** What the core says of a budget with imported proposals: its problems (none: it may be stored) and warnings. */
  record Imported(List<nl.begroot.format.Problem> problems, List<nl.begroot.format.Problem> warnings) {}

  /**
   * The core's verdict on {@code candidate}, a version whose proposals were replaced by imported ones
   * (a workbook's template sheet): the validator, then the printed tables and narratives, as for every
   * edit. Each problem says where in the words of the sheet (the proposal by its id, and the field
   * below it: {@code proposal '2.7-soc', amounts.2027}) and what (the core's message); a problem
   * outside the proposals by its model path. {@code source} names the input (as a file name).
   */
  static Imported imported(Budget candidate, String source) {
    List<Found> warnings = new ArrayList<>();
    List<nl.begroot.format.Problem> problems = new ArrayList<>();
    for (Found f : problems(candidate, true, null, warnings)) {
      problems.add(new nl.begroot.format.Problem(source, 0, 0, importedText(candidate, f)));
    }
    return new Imported(problems, warnings.stream().map(f -> new nl.begroot.format.Problem(source, 0, 0, f.message())).toList());
  }

  private static String importedText(Budget b, Found f) {
    if (f.path() == null) {
      return f.message(); // a narrative: its place is in the message
    }
    return where(b, f.path()) + ": " + f.what() + (f.firstAt() == null ? "" : " (first at " + where(b, f.firstAt()) + ")");
  }

  /** A model path in the words of a sheet of proposals: {@code proposals[3].amounts.2027} is "proposal '2.7-soc', amounts.2027". */
  private static String where(Budget b, ModelPath path) {
    ModelPath proposals = ModelPath.of("proposals");
    if (path.isRoot() || !path.startsWith(proposals) || path.equals(proposals)) {
      return path.isRoot() ? "the budget" : path.toString();
    }
    ModelPath at = path.parent().equals(proposals) ? path : stepAfter(path, proposals);
    int i = at.position();
    String id = i >= 0 && i < b.proposals().size() ? b.proposals().get(i).id() : null;
    String name = id == null || id.isBlank() ? "proposal " + (i + 1) : "proposal '" + Drafts.shorten(id) + "'";
    String rest = path.toString().substring(at.toString().length());
    return rest.isEmpty() ? name : name + ", " + (rest.startsWith(".") ? rest.substring(1) : rest);
  }

  private static FieldError whole(String message) {
    return new FieldError("form", "De begroting klopt dan niet meer: " + message, "The budget would no longer be valid: " + message);
  }

  /** The path one step below {@code parent} on the way to {@code path}. */
  private static ModelPath stepAfter(ModelPath path, ModelPath parent) {
    ModelPath p = path;
    while (!p.parent().equals(parent)) {
      p = p.parent();
    }
    return p;
  }

  /** A problem inside the edited proposal, at the form field that holds {@code step} (a field of the proposal). */
  private static FieldError proposalField(Budget b, Proposal p, Found f, ModelPath step) {
    String field = step.name() == null ? "" : step.name();
    String m = f.message();
    boolean atField = f.path().equals(step);
    return switch (field) {
      case "id" -> p.id() == null || p.id().isBlank()
          ? new FieldError("id", "Vul een code in, bijvoorbeeld 2.3-nieuw-voorstel.", "Enter an id, e.g. 2.3-new-proposal.")
          : m.startsWith("duplicate")
              ? new FieldError("id", "Er is al een voorstel met code " + p.id() + ".", "There already is a proposal with id " + p.id() + ".")
              : new FieldError("id", "Code: " + m, "Id: " + m);
      case "unit" -> p.units().isEmpty()
          ? new FieldError("unit", "Kies een beleidsterrein.", "Choose a unit.")
          : !atField && b.unit(p.units().get(f.path().position() < 0 ? 0 : f.path().position())).isEmpty()
              ? new FieldError("unit", "Beleidsterrein '" + Drafts.shorten(p.units().get(Math.max(0, f.path().position()))) + "' bestaat niet in deze begroting.",
                  "Unit '" + Drafts.shorten(p.units().get(Math.max(0, f.path().position()))) + "' does not exist in this budget.")
              : new FieldError("unit", "Beleidsterrein: " + m, "Unit: " + m);
      case "title" -> p.title() == null || p.title().isBlank()
          ? new FieldError("title", "Vul een titel in.", "Enter a title.")
          : new FieldError("title", "Titel: " + m, "Title: " + m);
      case "side" -> p.side() == null
          ? new FieldError("side", "Kies lasten of baten.", "Choose lasten (expenditure) or baten (revenue).")
          : new FieldError("side", "Lasten of baten: " + m, "Side: " + m);
      case "nature" -> p.nature() == null
          ? new FieldError("nature", "Kies structureel of incidenteel.", "Choose recurring or one-off.")
          : new FieldError("nature", "Structureel of incidenteel: " + m, "Nature: " + m);
      case "category" -> new FieldError("category", "Categorie '" + Drafts.shorten(p.category()) + "' bestaat niet.",
          "Category '" + Drafts.shorten(p.category()) + "' does not exist.");
      case "products" -> f.path().position() >= 0 && f.path().position() < p.products().size()
          ? new FieldError("products", "Product '" + Drafts.shorten(p.products().get(f.path().position())) + "' bestaat niet.",
              "Product '" + Drafts.shorten(p.products().get(f.path().position())) + "' does not exist.")
          : new FieldError("products", "Producten: " + m, "Products: " + m);
      case "explanation" -> new FieldError("explanation", "Toelichting: " + m, "Explanation: " + m);
      case "amounts" -> amount(b, p, f, atField);
      default -> whole(m);
    };
  }

  private static FieldError amount(Budget b, Proposal p, Found f, boolean atField) {
    String m = f.message();
    if (atField || f.path().name() == null) {
      return whole(m);
    }
    String year = f.path().name();
    int y;
    try {
      y = b.version().yearIndex(Integer.parseInt(year));
    } catch (RuntimeException e) {
      return whole(m);
    }
    Amounts a = p.amounts();
    if (a != null && y >= 0 && y < a.size() && a.kind(y) == Amounts.Kind.AMOUNT && Math.abs(a.cents(y)) > BudgetValidator.MAX_CENTS) {
      return new FieldError("amount." + year, "Het bedrag voor " + year + " is groter dan Begroot aanneemt (hoogstens 1.000.000.000.000 euro).",
          "The amount for " + year + " is larger than Begroot accepts (at most 1,000,000,000,000 euros).");
    }
    if (a != null && y >= 0 && y < a.size() && a.kind(y) == Amounts.Kind.PM) {
      return new FieldError("amount." + year, "Een regel is óf pm (bedrag nog niet bekend) óf heeft bedragen in euro's, niet allebei.",
          "A line is either pm (amount not known yet) or has amounts in euros, not both.");
    }
    return new FieldError("amount." + year, year + ": " + m, year + ": " + m);
  }
}
