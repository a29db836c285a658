/**
 * Documents: metadata ({@link fr.opendmp.core.document.DocumentMetadata}), common types,
 * confidentiality and visibility, status, and the stored {@link fr.opendmp.core.document.DocumentEntry}.
 */
package fr.opendmp.core.document;
