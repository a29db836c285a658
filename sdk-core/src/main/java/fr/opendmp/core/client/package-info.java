/**
 * The DMP client ({@link fr.opendmp.core.client.DmpClient}, {@link fr.opendmp.core.client.DmpDocuments})
 * and its error hierarchy rooted at {@link fr.opendmp.core.error.DmpException}.
 */
package fr.opendmp.core.client;
