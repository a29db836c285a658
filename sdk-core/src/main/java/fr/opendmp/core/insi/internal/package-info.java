/** Not API: the SOAP envelope writer and the secure response reader of the INSi client. */
package fr.opendmp.core.insi.internal;
