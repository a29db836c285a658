/** Implementation of the fake DMP; not API, may change at any time. */
package fr.opendmp.testkit.dmp.internal;
