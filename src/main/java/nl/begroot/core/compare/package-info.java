/**
 * Comparing two versions of a budget (or a version and an edit of it): what changed in Tabel 1,
 * in each year's balancing item, in each member's contribution, and which proposals explain it.
 * Pure: two computed documents in, one comparison out.
 */
package nl.begroot.core.compare;
