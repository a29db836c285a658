/** Document internals: loading of the value sets and of the ANS type→class tables. Not API. */
package fr.opendmp.core.document.internal;
