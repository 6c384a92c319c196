/** Printing in thousands: controlled rounding so that every printed table foots. */
package nl.begroot.core.rounding;
