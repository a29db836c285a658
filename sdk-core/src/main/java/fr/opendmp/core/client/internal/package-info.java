/** Client internals: call building, error mapping, deposits, caches. Not API. */
package fr.opendmp.core.client.internal;
