/**
 * Who makes a call: the {@link fr.opendmp.core.caller.Caller} (a professional and an access mode),
 * the {@link fr.opendmp.core.caller.Professional} and the {@link fr.opendmp.core.caller.Structure}
 * it acts for.
 */
package fr.opendmp.core.caller;
