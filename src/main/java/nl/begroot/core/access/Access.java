package nl.begroot.core.access;

import static nl.begroot.core.access.Role.BEHEERDER;
import static nl.begroot.core.access.Role.BESTUUR;
import static nl.begroot.core.access.Role.BUDGETHOUDER;
import static nl.begroot.core.access.Role.CONTROLLER;
import static nl.begroot.core.access.Role.LEZER;
import static nl.begroot.core.access.Role.LID;

import nl.begroot.core.cycle.VersionStatus;

/**
 * Who may do what: the one decision, deny by default. The web asks it for every route (each route
 * declares its {@link Permission}) and the workspace asks it again in every use case, so no adapter
 * decides on its own. Pure: the actor and the scope in, a {@link Decision} out.
 */
public final class Access {
  private Access() {}

  /** Allowed, or refused with the reason in Dutch and English. */
  public record Decision(boolean allowed, String reasonNl, String reasonEn) {
    static final Decision ALLOW = new Decision(true, "", "");

    static Decision deny(String nl, String en) {
      return new Decision(false, nl, en);
    }
  }

  /** Thrown by {@link #require} when the decision is a refusal. */
  public static final class Denied extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Decision decision;
    private final boolean signInHelps;

    Denied(Decision decision, boolean signInHelps) {
      super(decision.reasonEn(), null, false, false);
      this.decision = decision;
      this.signInHelps = signInHelps;
    }

    public Decision decision() {
      return decision;
    }

    /** The actor is anonymous: signing in may help (401 rather than 403). */
    public boolean signInHelps() {
      return signInHelps;
    }
  }

  /** Decides, and throws {@link Denied} on a refusal. */
  public static void require(Actor actor, Permission permission, Scope scope) {
    Decision d = decide(actor, permission, scope);
    if (!d.allowed()) {
      throw new Denied(d, actor.anonymous());
    }
  }

  public static boolean allows(Actor actor, Permission permission, Scope scope) {
    return decide(actor, permission, scope).allowed();
  }

  public static Decision decide(Actor person, Permission permission, Scope scope) {
    // the person's roles in the version's organisation decide (decision 165); anywhere else they count for nothing
    Actor actor = person.in(scope.organisation());
    if (actor.system()) {
      // the system itself has every role, but an adopted version is immutable for everyone
      return switch (permission) {
        case EDIT_PROPOSAL, SUBMIT_PROPOSAL, APPROVE_PROPOSAL, EDIT_KEY, EDIT_MAPPING, SUBMIT_VERSION, ADOPT_VERSION, EDIT_FORECAST -> notAdopted(scope);
        default -> Decision.ALLOW;
      };
    }
    return switch (permission) {
      case PUBLIC -> Decision.ALLOW;
      case OWN_ACCOUNT -> signedIn(actor);
      case READ_VERSION, EXPORT -> read(actor, scope);
      case READ_MEMBER -> readMember(actor, scope);
      case EDIT_PROPOSAL, SUBMIT_PROPOSAL -> editProposal(actor, scope);
      case APPROVE_PROPOSAL -> approve(actor, scope);
      case EDIT_KEY, EDIT_MAPPING -> editVersionData(actor, scope, permission);
      case CREATE_SCENARIO -> read(actor, scope).allowed()
          ? either(actor.has(BUDGETHOUDER) || actor.has(CONTROLLER),
              "Alleen budgethouders en controllers maken scenario's.", "Only budget holders and controllers make scenarios.")
          : read(actor, scope);
      case DELETE_SCENARIO, SHARE_SCENARIO -> scope.scenario()
          ? either(ownScenario(actor, scope), "Alleen de maker van een scenario kan dat.", "Only a scenario's author can do that.")
          : Decision.deny("Alleen scenario's en ingelezen versies kunnen worden verwijderd of gedeeld.",
              "Only scenarios and imported versions can be deleted or shared.");
      case SUBMIT_VERSION -> !notAdopted(scope).allowed() ? notAdopted(scope)
          : official(scope, actor.has(CONTROLLER), "Alleen een controller dient een versie in.", "Only a controller submits a version.");
      case ADOPT_VERSION -> !notAdopted(scope).allowed() ? notAdopted(scope)
          : official(scope, actor.has(BESTUUR) && actor.secondFactor(),
              "Alleen het bestuur stelt een versie vast (met tweede factor).", "Only the board adopts a version (with a second factor).");
      case PUBLISH_VERSION -> official(scope, actor.has(BESTUUR) || actor.has(CONTROLLER),
          "Alleen het bestuur of een controller publiceert.", "Only the board or a controller publishes.");
      case CREATE_AMENDMENT -> official(scope, actor.has(CONTROLLER), "Alleen een controller begint een begrotingswijziging.",
          "Only a controller starts a budget amendment.");
      case CREATE_DEFINITIVE -> official(scope, actor.has(CONTROLLER), "Alleen een controller begint de definitieve begroting.",
          "Only a controller starts the definitive budget.");
      case CREATE_MIDYEAR -> official(scope, actor.has(CONTROLLER), "Alleen een controller begint een tussenrapportage.",
          "Only a controller starts a mid-year report.");
      case EDIT_FORECAST -> !editable(scope).allowed() ? editable(scope)
          : official(scope, actor.has(CONTROLLER), "Alleen een controller legt prognoses vast.", "Only a controller enters forecasts.");
      case IMPORT_ACTUALS -> read(actor, scope).allowed()
          ? either(actor.has(CONTROLLER) && !scope.scenario(), "Alleen een controller leest realisatiecijfers in, met de indeling van een officiële versie.",
              "Only a controller imports realised figures, by an official version's ledger mapping.")
          : read(actor, scope);
      case CREATE_ACCOUNTS -> official(scope, actor.has(CONTROLLER), "Alleen een controller begint de jaarrekening.",
          "Only a controller starts the annual accounts.");
      case EDIT_ACCOUNTS -> !editable(scope).allowed() ? editable(scope)
          : official(scope, actor.has(CONTROLLER), "Alleen een controller wijzigt de jaarrekening.", "Only a controller changes the annual accounts.");
      case READ_LOG -> either(actor.has(CONTROLLER) || actor.has(BESTUUR) || actor.has(BEHEERDER),
          "Het logboek is voor controllers, bestuur en beheerders.", "The log is for controllers, the board and administrators.");
      case VERIFY_LOG, MANAGE_USERS -> either(actor.has(BEHEERDER) && actor.secondFactor(),
          "Alleen een beheerder (met tweede factor) kan dat.", "Only an administrator (with a second factor) can do that.");
    };
  }

  private static Decision signedIn(Actor actor) {
    return either(!actor.anonymous(), "Meld u eerst aan.", "Sign in first.");
  }

  private static Decision either(boolean allowed, String nl, String en) {
    return allowed ? Decision.ALLOW : Decision.deny(nl, en);
  }

  private static boolean ownScenario(Actor actor, Scope scope) {
    // the anonymous visitor owns nothing (a version made anonymously before sign-in existed says "anoniem")
    return scope.scenario() && !actor.anonymous() && scope.owner() != null && scope.owner().equals(actor.id());
  }

  /** Reading a version: published for everyone; shared ones for members; all official ones for the organisation's staff. */
  private static Decision read(Actor actor, Scope scope) {
    if (scope.scenario()) {
      boolean staff = actor.has(BUDGETHOUDER) || actor.has(CONTROLLER) || actor.has(BESTUUR);
      return either(ownScenario(actor, scope) || (scope.shared() && staff),
          "Dit scenario is van een ander en niet gedeeld.", "This scenario is someone else's and not shared.");
    }
    VersionStatus status = scope.status();
    if (status == VersionStatus.GEPUBLICEERD) {
      return Decision.ALLOW;
    }
    if (actor.anonymous()) {
      return Decision.deny("Deze versie is niet gepubliceerd; meld u aan.", "This version is not published; sign in.");
    }
    if (actor.has(BUDGETHOUDER) || actor.has(CONTROLLER) || actor.has(BESTUUR)) {
      return Decision.ALLOW;
    }
    boolean sharedWithMembers = status != null && status != VersionStatus.CONCEPT;
    return either((actor.has(LEZER) || actor.has(LID) || actor.has(BEHEERDER)) && sharedWithMembers,
        "Deze versie is nog niet met de leden gedeeld.", "This version has not been shared with the members yet.");
  }

  private static Decision readMember(Actor actor, Scope scope) {
    Decision read = read(actor, scope);
    if (!read.allowed() || scope.status() == VersionStatus.GEPUBLICEERD) {
      return read;
    }
    boolean onlyMember = actor.has(LID) && !(actor.has(LEZER) || actor.has(BUDGETHOUDER) || actor.has(CONTROLLER) || actor.has(BESTUUR));
    return either(!onlyMember || (scope.member() != null && scope.member().equalsIgnoreCase(actor.member())),
        "U ziet alleen het overzicht van uw eigen provincie.", "You see only your own province's statement.");
  }

  /** Refused for an adopted version: it is immutable for everyone. */
  private static Decision notAdopted(Scope scope) {
    return either(scope.status() == null || !scope.status().adopted(),
        "Deze versie is vastgesteld en verandert niet meer; wijzig via een begrotingswijziging.",
        "This version is adopted and no longer changes; change it through a budget amendment.");
  }

  /** A version whose content may change: not adopted, not submitted; a scenario always (it is never adopted). */
  private static Decision editable(Scope scope) {
    if (!notAdopted(scope).allowed()) {
      return notAdopted(scope);
    }
    if (!scope.scenario() && scope.status() == VersionStatus.INGEDIEND) {
      return Decision.deny("Deze versie is ingediend; haal haar eerst terug naar concept.",
          "This version has been submitted; take it back to concept first.");
    }
    return Decision.ALLOW;
  }

  /**
   * The version's own data beside its proposals (a distribution key, the ledger mapping): in an official
   * version a controller's; in a scenario its author's (a budget holder or controller).
   */
  private static Decision editVersionData(Actor actor, Scope scope, Permission permission) {
    Decision editable = editable(scope);
    if (!editable.allowed()) {
      return editable;
    }
    if (scope.scenario()) {
      return editOwnScenario(actor, scope);
    }
    return permission == Permission.EDIT_MAPPING
        ? either(actor.has(CONTROLLER), "Alleen een controller wijzigt de grootboekindeling.", "Only a controller changes the ledger mapping.")
        : either(actor.has(CONTROLLER), "Alleen een controller wijzigt verdeelsleutels.", "Only a controller changes distribution keys.");
  }

  /** In a scenario, its author changes keys and proposals (a budget holder or controller); nobody else. */
  private static Decision editOwnScenario(Actor actor, Scope scope) {
    return either(ownScenario(actor, scope) && (actor.has(BUDGETHOUDER) || actor.has(CONTROLLER)),
        "Alleen de maker van een scenario wijzigt het.", "Only a scenario's author changes it.");
  }

  private static Decision editProposal(Actor actor, Scope scope) {
    Decision editable = editable(scope);
    if (!editable.allowed()) {
      return editable;
    }
    if (scope.scenario()) {
      return editOwnScenario(actor, scope);
    }
    if (actor.has(CONTROLLER)) {
      return Decision.ALLOW;
    }
    return either(actor.has(BUDGETHOUDER) && assigned(actor, scope.unit()),
        "U bent geen budgethouder van deze eenheid.", "You are not a budget holder of this unit.");
  }

  /**
   * Whether {@code unit} ("2.7") is one of the actor's units or lies in one ("2" holds "2.7"). A
   * null unit (a route before the form says which unit) asks whether the actor holds any unit; the
   * workspace asks again with the proposal's unit.
   */
  static boolean assigned(Actor actor, String unit) {
    if (unit == null) {
      return !actor.units().isEmpty();
    }
    for (String u : actor.units()) {
      if (unit.equals(u) || unit.startsWith(u + ".")) {
        return true;
      }
    }
    return false;
  }

  private static Decision approve(Actor actor, Scope scope) {
    Decision editable = editable(scope);
    if (!editable.allowed()) {
      return editable;
    }
    if (!actor.has(CONTROLLER) || scope.scenario()) {
      return Decision.deny("Alleen een controller keurt voorstellen goed.", "Only a controller approves proposals.");
    }
    return either(scope.author() == null || !scope.author().equals(actor.id()),
        "Niemand keurt een eigen voorstel goed.", "Nobody approves their own proposal.");
  }

  private static Decision official(Scope scope, boolean roleAllows, String nl, String en) {
    if (scope.scenario()) {
      return Decision.deny("Een scenario doorloopt de cyclus niet.", "A scenario does not go through the cycle.");
    }
    return either(roleAllows, nl, en);
  }
}
