/**
 * The credentials doctor: says in plain words what a PKCS#12 or PEM file is (IGC Santé certificate
 * type, subject, structure id, validity, chain, key usages) and what is missing or wrong for each
 * service (TLS client, VIHF signing, INSi). As an API ({@link fr.opendmp.auth.doctor.CredentialsDoctor})
 * and a command line ({@link fr.opendmp.auth.doctor.DoctorCommand}).
 */
package fr.opendmp.auth.doctor;
