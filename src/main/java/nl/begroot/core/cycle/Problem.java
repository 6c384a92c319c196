package nl.begroot.core.cycle;

/**
 * Why a step of the cycle cannot be taken, in Dutch and English; {@code field} names the input at fault
 * ({@code date}, {@code body}, {@code reference}, {@code reason}) or {@code form} for the step as a whole.
 */
public record Problem(String field, String nl, String en) {}
