package nl.begroot.store;

import java.time.Instant;

/**
 * One entry of the log (docs/log.md): who did what to which object, with what result, from where,
 * and for a change the row before and after. An entry about a version carries the version's id,
 * slug and name as they were when it was made, so that a deleted version's entries stay readable;
 * an entry about no version (a sign-in, a refused request, an account) has none of the three.
 * {@code prevHash} and {@code hash} are the entry's place in the hash chain ({@link LogChain}).
 */
public record Change(
    long id, Long versionId, String versionSlug, String versionName, Instant at, String actor, String action, String target,
    String before, String after, String result, String originAddress, String originClient, String detail, String prevHash,
    String hash) {}
