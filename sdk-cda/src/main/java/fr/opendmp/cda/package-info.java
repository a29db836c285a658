/**
 * CI-SIS CDA R2 documents: shared value types. Building is in {@code build}, reading in {@code read},
 * XDS metadata in {@code metadata}, validation in {@code validate}, and the CDA → DMP deposit path
 * (patient check, derived metadata, custodian) in {@code deposit}.
 */
package fr.opendmp.cda;
