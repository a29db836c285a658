/**
 * CI-SIS CDA R2 documents: shared value types. Building is in {@code build}, reading in {@code read},
 * XDS metadata in {@code metadata}, validation in {@code validate}.
 */
package fr.opendmp.cda;
