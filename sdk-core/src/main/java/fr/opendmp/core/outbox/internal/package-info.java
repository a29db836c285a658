/** The outbox's internals: the item codec, the JDBC statements and connection pool, the rate limiter. */
package fr.opendmp.core.outbox.internal;
