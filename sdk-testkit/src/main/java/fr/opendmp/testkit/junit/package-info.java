/** JUnit 5 support for the fake DMP: {@link fr.opendmp.testkit.junit.FakeDmpTest} / {@link fr.opendmp.testkit.junit.FakeDmpExtension}. */
package fr.opendmp.testkit.junit;
