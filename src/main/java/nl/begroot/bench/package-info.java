/** Benchmarks: {@code begroot bench} and the JMH benchmark, each with a baseline in the same run. */
package nl.begroot.bench;
