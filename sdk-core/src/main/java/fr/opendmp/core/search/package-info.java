/** Document search: {@link fr.opendmp.core.search.DocumentQuery} criteria and result pages. */
package fr.opendmp.core.search;
