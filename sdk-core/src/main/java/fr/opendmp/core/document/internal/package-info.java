/** Document internals: value-set loading. Not API. */
package fr.opendmp.core.document.internal;
