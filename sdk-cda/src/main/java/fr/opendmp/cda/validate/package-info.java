/**
 * Validation of CDA documents: built-in structural checks of the CI-SIS header rules (no external
 * files), and full validation with the ANS CI-SIS package (XSD + schematrons, the latter only when
 * Saxon-HE and SchXslt are on the classpath).
 */
package fr.opendmp.cda.validate;
