/** Standalone launcher of the fake DMP ({@code java -jar opendmp-fake-dmp.jar}). */
package fr.opendmp.testkit.launcher;
