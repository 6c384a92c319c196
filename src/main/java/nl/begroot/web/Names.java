package nl.begroot.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.begroot.store.Change;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.FieldChanges;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;

/**
 * The ONE owner of the words people read for what Begroot keeps by id (decision 210): a version by its title, a
 * proposal or key by its title, a unit or programme by its title, a person by their name. Ids stay in addresses,
 * in {@code title} attributes, in technical details and in the API; pages show what this class gives. One instance
 * serves one request (it remembers the versions and accounts it looked up).
 *
 * <p>The log outlives what it is about: an entry about a deleted version is named by the title the entry recorded,
 * else as "verwijderde versie"; a proposal of a deleted version by the title in the entry's row, else by its code.
 */
final class Names {
  private final Workspace workspace;
  private final I18n i18n;
  private final Map<String, Optional<Snapshot>> snapshots = new HashMap<>();
  private final Map<String, String> people = new HashMap<>();
  private Map<String, StoredVersion> versions;

  Names(Workspace workspace, I18n i18n) {
    this.workspace = workspace;
    this.i18n = i18n;
  }

  /** A person by their name; the system's own actors in words; an id that is no account (a typed name that failed to sign in) as it is. */
  String person(String accountId) {
    if (accountId == null || accountId.isBlank()) {
      return accountId;
    }
    return people.computeIfAbsent(accountId, id -> {
      String key = "actor." + id;
      if (I18n.has(key)) {
        return i18n.t(key);
      }
      return workspace.people().accounts().account(id).map(a -> a.name()).filter(n -> !n.isBlank()).orElse(id);
    });
  }

  /** The version at {@code slug} by its title; {@code recorded} (a title the log kept) when it is gone; else "verwijderde versie". */
  String version(String slug, String recorded) {
    StoredVersion live = slug == null ? null : versions().get(slug);
    if (live != null) {
      return live.name();
    }
    return recorded != null && !recorded.isBlank() ? recorded : i18n.t("log.deleted-version");
  }

  /** The version at {@code slug} by its title, or the slug when there is none (an address typed by hand). */
  String version(String slug) {
    StoredVersion live = slug == null ? null : versions().get(slug);
    return live == null ? slug : live.name();
  }

  /** The version a log entry is about, in words (null when it is about none). */
  String version(Change c) {
    if (c.versionSlug() == null && c.versionName() == null) {
      return null;
    }
    return version(c.versionSlug(), c.versionName());
  }

  /**
   * What a log entry is about, in words: the version itself (a version's entries name it by its slug), a proposal
   * or key by its title in the entry's version (withdrawn proposals included; for a deleted version the title in
   * the entry's row), a unit of a Tussenrapportage by its title, an account by its person's name. Anything else
   * (a refused request's address, a file's name) is already words and comes back as it is.
   */
  String target(Change c) {
    String t = c.target();
    if (t == null) {
      return null;
    }
    String action = c.action();
    if (action.startsWith("session.") || action.startsWith("account.")) {
      return person(t);
    }
    if (t.equals(c.versionSlug())) {
      return version(c);
    }
    Optional<Snapshot> s = snapshot(c.versionSlug());
    if (action.startsWith("proposal.")) {
      return s.flatMap(x -> proposalOrKey(x, t)).or(() -> FieldChanges.title(c)).orElse(i18n.t("log.proposal") + " " + t);
    }
    if (action.startsWith("key.")) {
      return s.flatMap(x -> proposalOrKey(x, t)).orElse(t);
    }
    if (action.equals("accounts.explain") && t.matches("[^/]+/(lasten|baten)")) {
      // "3/lasten": the explanation of programme 3's deviation on the lasten side
      String programme = t.substring(0, t.indexOf('/'));
      String side = i18n.t("side." + t.substring(t.indexOf('/') + 1));
      return s.flatMap(x -> x.budget().programme(programme)).map(p -> programme + ". " + p.title()).orElse(programme) + ", " + side;
    }
    if (action.equals("midyear.forecast") && c.versionSlug() != null && t.startsWith(c.versionSlug() + " ")) {
      String unit = t.substring(c.versionSlug().length() + 1);
      return s.flatMap(x -> x.budget().unit(unit)).map(u -> u.title()).orElse(unit);
    }
    return t;
  }

  /**
   * What a log entry changed, field by field ({@link FieldChanges}), in the page's language: a distribution key by its
   * title and a member by its name in the entry's version (by id when the version or they are gone).
   */
  List<String> fields(Change c) {
    Optional<nl.begroot.core.model.Budget> budget = snapshot(c.versionSlug()).map(Snapshot::budget);
    java.util.function.Function<String, String> keyTitle = id -> budget.flatMap(b -> b.key(id)).map(k -> k.title())
        .filter(t -> !t.isBlank()).orElse(id);
    java.util.function.Function<String, String> memberName = id -> budget.flatMap(b -> b.member(id)).map(m -> m.name())
        .filter(n -> !n.isBlank()).orElse(id);
    boolean english = "en".equals(i18n.lang());
    return FieldChanges.of(c).stream().map(f -> f.text(english, keyTitle, memberName)).toList();
  }

  /**
   * A log entry's detail in words: a sign-in's step and result as recorded ("password: wrong", "oidc: token_invalid (...)";
   * {@code SignInEvents}) in the page's language, what it adds in brackets left to the technical details (the entry's
   * {@code title}); any other detail as it was recorded. Null when the entry has none.
   */
  String detail(Change c) {
    String d = c.detail();
    if (d == null || !c.action().startsWith("session.")) {
      return d;
    }
    int colon = d.indexOf(": ");
    if (colon < 0) {
      return d;
    }
    String step = d.substring(0, colon);
    String rest = d.substring(colon + 2);
    int bracket = rest.indexOf(" (");
    String result = bracket < 0 ? rest : rest.substring(0, bracket);
    String stepKey = "signin.step." + step;
    String resultKey = "signin.result." + result;
    return (I18n.has(stepKey) ? i18n.t(stepKey) : step) + ": " + (I18n.has(resultKey) ? i18n.t(resultKey) : result);
  }

  /** The title of a proposal (withdrawn ones included) or else of a distribution key of version {@code s} with id {@code id}; empty when it has none. */
  static Optional<String> proposalOrKey(Snapshot s, String id) {
    if (s == null || id == null) {
      return Optional.empty();
    }
    return s.anyProposal(id).map(p -> p.title()).filter(x -> !x.isBlank()).or(() -> s.budget().key(id).map(k -> k.title()));
  }

  private Optional<Snapshot> snapshot(String slug) {
    if (slug == null || !versions().containsKey(slug)) {
      return Optional.empty();
    }
    return snapshots.computeIfAbsent(slug, workspace::snapshot);
  }

  private Map<String, StoredVersion> versions() {
    if (versions == null) {
      versions = new HashMap<>();
      workspace.versions().forEach(x -> versions.put(x.slug(), x));
    }
    return versions;
  }
}
