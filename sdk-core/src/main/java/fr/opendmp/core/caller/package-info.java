/**
 * Who makes a call: the {@link fr.opendmp.core.caller.Caller} (a
 * {@link fr.opendmp.core.party.Professional}, how it was authenticated, and an access mode).
 */
package fr.opendmp.core.caller;
