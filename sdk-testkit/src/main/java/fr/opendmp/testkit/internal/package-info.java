/**
 * Non-API helpers shared by the fakes of the test kit (the JVM-wide test PKI cache). Not for
 * vendors' code: no compatibility promise.
 */
package fr.opendmp.testkit.internal;
