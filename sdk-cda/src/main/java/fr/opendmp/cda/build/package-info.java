/**
 * Building CI-SIS CDA R2 documents: a shared {@link fr.opendmp.cda.build.DocumentHeader} and the
 * models of {@link fr.opendmp.cda.build.CdaDocuments} (N1 PDF, VSM, LDL-SES), written with StAX.
 */
package fr.opendmp.cda.build;
